/** The workbench's state: what is filtered, what is selected, what the path finder joins. */

/** [min_lon, min_lat, max_lon, max_lat], as the API's `bbox` parameter takes it. */
export type BBox = readonly [number, number, number, number];

export type Level = 'actor' | 'state';

export interface Filters {
  /** Window bounds of any precision: 2020, 2020-02 or 2020-02-17. */
  start: string | null;
  end: string | null;
  actors: readonly string[];
  types: readonly string[];
  stances: readonly string[];
  place: string | null;
  q: string | null;
  dataset: string | null;
  /** The map's box, when "filter by map area" is on. */
  bbox: BBox | null;
}

export type NodeKind = 'event' | 'statement' | 'actor' | 'place';

/** What the side panel shows: one node, or one accusation edge of the network. */
export type Selection =
  | { kind: NodeKind; id: string }
  | { kind: 'edge'; source: string; target: string }
  | null;

export interface PathEnds {
  from: string | null;
  to: string | null;
}

export interface WorkbenchState {
  filters: Filters;
  /** Accusation network level; at `state` an actor filter also covers its officials and agencies. */
  level: Level;
  selection: Selection;
  path: PathEnds;
}

export const NO_FILTERS: Filters = {
  start: null, end: null, actors: [], types: [], stances: [], place: null, q: null, dataset: null, bbox: null,
};

export const INITIAL_STATE: WorkbenchState = {
  filters: NO_FILTERS,
  level: 'state',
  selection: null,
  path: { from: null, to: null },
};
