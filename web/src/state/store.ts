/** One store for the whole workbench: views read it and subscribe; only actions change it. */

import type { WorkbenchState } from './types';

export type Listener = (state: WorkbenchState, previous: WorkbenchState) => void;

export class Store {
  private current: WorkbenchState;
  private readonly listeners = new Set<Listener>();

  constructor(initial: WorkbenchState) {
    this.current = initial;
  }

  get state(): WorkbenchState {
    return this.current;
  }

  /** Calls `listener` after every change; returns the unsubscribe function. */
  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Replaces the state (actions build the next one immutably) and tells every listener once. */
  set(next: WorkbenchState): void {
    if (next === this.current) return;
    const previous = this.current;
    this.current = next;
    for (const listener of this.listeners) listener(next, previous);
  }
}
