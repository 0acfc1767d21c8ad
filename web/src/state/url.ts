/** The state in the page's query string, so a link reproduces the view: /app/?start=2020-02&actor=actor:russia */

import type { BBox, Filters, NodeKind, Selection, WorkbenchState } from './types';
import { INITIAL_STATE } from './types';

const NODE_KINDS: readonly NodeKind[] = ['event', 'statement', 'actor', 'place'];
// Edge selections are `edge:<source>|<target>`; ids never hold a `|`.
const EDGE_SEPARATOR = '|';

function selectionText(selection: Selection): string | null {
  if (selection === null) return null;
  if (selection.kind === 'edge') return `edge:${selection.source}${EDGE_SEPARATOR}${selection.target}`;
  return `${selection.kind}:${selection.id}`;
}

function parseSelection(text: string | null): Selection {
  if (!text) return null;
  const colon = text.indexOf(':');
  const kind = text.slice(0, colon);
  const rest = text.slice(colon + 1);
  if (colon < 0 || !rest) return null;
  if (kind === 'edge') {
    const [source, target] = rest.split(EDGE_SEPARATOR);
    return source && target ? { kind: 'edge', source, target } : null;
  }
  return (NODE_KINDS as readonly string[]).includes(kind) ? { kind: kind as NodeKind, id: rest } : null;
}

function parseBbox(text: string | null): BBox | null {
  if (!text) return null;
  const values = text.split(',').map(Number);
  if (values.length !== 4 || values.some((value) => !Number.isFinite(value))) return null;
  const [minLon, minLat, maxLon, maxLat] = values as [number, number, number, number];
  if (minLon >= maxLon || minLat >= maxLat) return null;
  return [minLon, minLat, maxLon, maxLat];
}

/** The query string for a state (default values left out, so a plain /app/ has none). */
export function toQuery(state: WorkbenchState): string {
  const params = new URLSearchParams();
  const { filters } = state;
  const single: [string, string | null][] = [
    ['start', filters.start], ['end', filters.end], ['place', filters.place], ['q', filters.q],
    ['dataset', filters.dataset], ['bbox', filters.bbox ? filters.bbox.join(',') : null],
  ];
  for (const [name, value] of single) if (value) params.set(name, value);
  for (const actor of filters.actors) params.append('actor', actor);
  for (const type of filters.types) params.append('type', type);
  for (const stance of filters.stances) params.append('stance', stance);
  if (state.level !== INITIAL_STATE.level) params.set('level', state.level);
  const shown = selectionText(state.selection);
  if (shown) params.set('show', shown);
  if (state.path.from) params.set('from', state.path.from);
  if (state.path.to) params.set('to', state.path.to);
  const text = params.toString();
  return text ? `?${text}` : '';
}

/** The state a query string describes; unknown or malformed values fall back to the defaults. */
export function fromQuery(search: string): WorkbenchState {
  const params = new URLSearchParams(search);
  const text = (name: string): string | null => params.get(name)?.trim() || null;
  const filters: Filters = {
    start: text('start'),
    end: text('end'),
    actors: params.getAll('actor').filter(Boolean),
    types: params.getAll('type').filter(Boolean),
    stances: params.getAll('stance').filter(Boolean),
    place: text('place'),
    q: text('q'),
    dataset: text('dataset'),
    bbox: parseBbox(params.get('bbox')),
  };
  const level = params.get('level') === 'actor' ? 'actor' : 'state';
  return {
    filters,
    level,
    selection: parseSelection(params.get('show')),
    path: { from: text('from'), to: text('to') },
  };
}
