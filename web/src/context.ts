/** What every view is given: the shared store, the API's capabilities, the global status line. */

import type { Capabilities } from './api/capabilities';
import type { Store } from './state/store';

export interface Workbench {
  store: Store;
  caps: Capabilities;
  /** A message for the whole page (errors that are not one view's); null clears it. */
  announce(message: string | null): void;
}

/** Marks a moment for the benchmark and tests once per page (performance.getEntriesByName). */
export function markOnce(name: string): void {
  if (!performance.getEntriesByName(name, 'mark').length) performance.mark(name);
}
