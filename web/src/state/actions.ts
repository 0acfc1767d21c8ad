/** The only functions that change the workbench state; each is one user intent. */

import type { Store } from './store';
import type { BBox, Filters, Level, Selection } from './types';
import { NO_FILTERS } from './types';

/** Changes some filters; the others stay. */
export function setFilters(store: Store, patch: Partial<Filters>): void {
  const filters = { ...store.state.filters, ...patch };
  store.set({ ...store.state, filters });
}

/** Chooses an actor: it becomes the actor filter (or joins it with `add`) and opens in the panel. */
export function chooseActor(store: Store, actorId: string, options: { add?: boolean } = {}): void {
  const current = store.state.filters.actors;
  const actors = options.add ? (current.includes(actorId) ? current : [...current, actorId]) : [actorId];
  store.set({
    ...store.state,
    filters: { ...store.state.filters, actors },
    selection: { kind: 'actor', id: actorId },
  });
}

/** Drops one actor from the filter. */
export function removeActor(store: Store, actorId: string): void {
  setFilters(store, { actors: store.state.filters.actors.filter((id) => id !== actorId) });
}

/** Shows a node or an edge in the side panel (null closes it). */
export function select(store: Store, selection: Selection): void {
  store.set({ ...store.state, selection });
}

export function setLevel(store: Store, level: Level): void {
  if (level !== store.state.level) store.set({ ...store.state, level });
}

/** The map's box as a filter (null: the map no longer filters). Coordinates rounded to ~1 km. */
export function setBbox(store: Store, bbox: BBox | null): void {
  const rounded = bbox
    ? (bbox.map((value) => Math.round(value * 100) / 100) as unknown as BBox)
    : null;
  const current = store.state.filters.bbox;
  if (rounded && current && rounded.every((value, index) => value === current[index])) return;
  if (rounded === null && current === null) return;
  setFilters(store, { bbox: rounded });
}

/** Sets one end of the path finder. */
export function setPathEnd(store: Store, end: 'from' | 'to', nodeId: string | null): void {
  store.set({ ...store.state, path: { ...store.state.path, [end]: nodeId } });
}

/** Clears every filter (the selection and the level stay). */
export function resetFilters(store: Store): void {
  store.set({ ...store.state, filters: NO_FILTERS });
}
