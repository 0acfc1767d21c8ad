/** The /export link for what the workbench shows: its actors or selection as seeds, its window as dates. */

import { firstDay, lastDay } from '../dates/format';
import type { WorkbenchState } from '../state';

export const EXPORT_FORMATS = ['json', 'graphml', 'gexf', 'csv', 'cypher', 'jsonld', 'turtle'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** Most timeline items used as seeds when nothing else is chosen (keeps the URL a few KB). */
export const MAX_ITEM_SEEDS = 100;

/** The seeds of a view: chosen actors and the selection; else the first items on the timeline. */
export function viewSeeds(state: WorkbenchState, timelineIds: readonly string[]): string[] {
  const seeds = new Set(state.filters.actors);
  const selection = state.selection;
  if (selection?.kind === 'edge') {
    seeds.add(selection.source);
    seeds.add(selection.target);
  } else if (selection) {
    seeds.add(selection.id);
  }
  if (!seeds.size) for (const id of timelineIds.slice(0, MAX_ITEM_SEEDS)) seeds.add(id);
  return [...seeds];
}

/** /export?format=…&seed=…&depth=1&start=…&end=… (null when the view has no seed at all). */
export function exportUrl(state: WorkbenchState, format: ExportFormat, timelineIds: readonly string[]): string | null {
  const seeds = viewSeeds(state, timelineIds);
  if (!seeds.length) return null;
  const params = new URLSearchParams({ format });
  for (const seed of seeds) params.append('seed', seed);
  params.set('depth', '1');
  // /export takes whole days: the window's first and last possible days.
  const start = state.filters.start ? firstDay(state.filters.start) : null;
  const end = state.filters.end ? lastDay(state.filters.end) : null;
  if (start) params.set('start', start);
  if (end) params.set('end', end);
  return `/export?${params.toString()}`;
}
