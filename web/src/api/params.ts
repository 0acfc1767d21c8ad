/** Query parameters for the API from the workbench's filters: one mapping, used by every view. */

import type { Filters, Level } from '../state/types';
import type { Capabilities } from './capabilities';

export interface FilterOptions {
  level: Level;
  /** The map's own query leaves the box out: the map shows everything and draws the box. */
  withBbox?: boolean;
}

/** /timeline and /events parameters; `dataset` and `bbox` only where the API takes them. */
export function itemParams(path: string, filters: Filters, caps: Capabilities, options: FilterOptions): URLSearchParams {
  const params = new URLSearchParams();
  if (filters.start) params.set('start', filters.start);
  if (filters.end) params.set('end', filters.end);
  for (const actor of filters.actors) params.append('actor', actor);
  // At state level an actor stands for its officials and agencies too (an ambassador speaks for the state).
  if (filters.actors.length && options.level === 'state') params.set('include_affiliates', 'true');
  for (const type of filters.types) params.append('type', type);
  for (const stance of filters.stances) params.append('stance', stance);
  if (filters.place) params.set('place', filters.place);
  if (filters.q) params.set('q', filters.q);
  if (filters.dataset && caps.has(path, 'dataset')) params.set('dataset', filters.dataset);
  if (filters.bbox && options.withBbox !== false && caps.has(path, 'bbox')) params.set('bbox', filters.bbox.join(','));
  return params;
}

/** /accusations/network parameters: the window, the level, and the box/place where supported. */
export function networkParams(filters: Filters, caps: Capabilities, level: Level): URLSearchParams {
  const path = '/accusations/network';
  const params = new URLSearchParams({ level });
  if (filters.start) params.set('start', filters.start);
  if (filters.end) params.set('end', filters.end);
  if (filters.place && caps.has(path, 'place')) params.set('place', filters.place);
  if (filters.bbox && caps.has(path, 'bbox')) params.set('bbox', filters.bbox.join(','));
  return params;
}

/** Which filters an endpoint cannot apply (shown to the user rather than silently ignored). */
export function unsupportedFilters(path: string, filters: Filters, caps: Capabilities): string[] {
  const missing: string[] = [];
  if (filters.dataset && !caps.has(path, 'dataset')) missing.push('dataset');
  if (filters.bbox && !caps.has(path, 'bbox')) missing.push('map area');
  return missing;
}
