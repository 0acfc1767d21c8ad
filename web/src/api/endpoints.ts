/** Typed calls, one per endpoint the workbench reads; views call these, never fetch. */

import type { Filters, Level } from '../state/types';
import { Capabilities } from './capabilities';
import type { OpenApiDocument } from './capabilities';
import { getJson, segment } from './client';
import { itemParams, networkParams } from './params';
import type {
  AccusationPage, ActorPage, ActorProfile, ActorRelations, EventDetail, EventFeatures,
  NetworkElements, Paths, StatementDetail, TimelinePage, VisItem, VisTimeline,
} from './types';

const PAGE = 1000;

/** The API's capabilities; the minimal set when /openapi.json cannot be read. */
export async function loadCapabilities(): Promise<Capabilities> {
  try {
    return new Capabilities((await getJson<OpenApiDocument>('/openapi.json')).body);
  } catch {
    return Capabilities.minimal();
  }
}

export interface TimelineBatch {
  items: VisItem[];
  /** True when more items matched than the workbench loads (`limit`). */
  more: boolean;
}

/** vis-timeline items page by page (each page handed to `onPage` as it arrives), up to `limit`. */
export async function timelineItems(
  filters: Filters, caps: Capabilities, level: Level, limit: number,
  onPage: (items: VisItem[]) => void, signal: AbortSignal,
): Promise<TimelineBatch> {
  const params = itemParams('/timeline', filters, caps, { level });
  params.set('format', 'vis');
  const items: VisItem[] = [];
  let cursor: string | null = null;
  do {
    // A small first page draws the view at once; the rest comes in full pages behind it.
    params.set('limit', String(Math.min(items.length ? PAGE : 200, limit - items.length)));
    if (cursor) params.set('cursor', cursor);
    const answer = await getJson<VisTimeline>('/timeline', params, signal);
    items.push(...answer.body.items);
    onPage(answer.body.items);
    cursor = answer.nextCursor;
  } while (cursor && items.length < limit);
  return { items, more: cursor !== null };
}

/** The accusation network as cytoscape elements, as the API shapes them (`format=cytoscape`). */
export async function accusationNetwork(filters: Filters, caps: Capabilities, level: Level, signal: AbortSignal): Promise<NetworkElements> {
  const params = networkParams(filters, caps, level);
  params.set('limit', String(PAGE));
  params.set('format', 'cytoscape');
  return (await getJson<NetworkElements>('/accusations/network', params, signal)).body;
}

/** Placed events as GeoJSON, up to `limit`; an empty collection when the API has no GeoJSON yet. */
export async function placedEvents(filters: Filters, caps: Capabilities, level: Level, limit: number, signal: AbortSignal): Promise<EventFeatures & { supported: boolean }> {
  const features: EventFeatures['features'] = [];
  const supported = caps.offersFormat('/events', 'geojson');
  // Neither GeoJSON nor coordinates on places: nothing could be placed, so nothing is fetched.
  if (!supported && !caps.hasField('PlaceRef', 'latitude')) return { type: 'FeatureCollection', features, supported };
  const params = itemParams('/events', filters, caps, { level, withBbox: false });
  if (supported) params.set('format', 'geojson');
  let cursor: string | null = null;
  do {
    params.set('limit', String(Math.min(PAGE, limit - features.length)));
    if (cursor) params.set('cursor', cursor);
    if (supported) {
      const answer = await getJson<EventFeatures>('/events', params, signal);
      features.push(...answer.body.features.filter((f) => f.geometry?.type === 'Point'));
      cursor = answer.nextCursor;
    } else {
      // Without GeoJSON, events whose place carries coordinates are still placed.
      const answer = await getJson<TimelinePage>('/events', params, signal);
      for (const item of answer.body.items) {
        const { latitude, longitude } = item.place ?? {};
        if (typeof latitude === 'number' && typeof longitude === 'number') {
          features.push({ type: 'Feature', geometry: { type: 'Point', coordinates: [longitude, latitude] }, properties: item });
        }
      }
      cursor = answer.nextCursor;
    }
  } while (cursor && features.length < limit);
  return { type: 'FeatureCollection', features, supported };
}

export const getEvent = (id: string) => getJson<EventDetail>(`/events/${segment(id)}`).then((a) => a.body);
export const getStatement = (id: string) => getJson<StatementDetail>(`/statements/${segment(id)}`).then((a) => a.body);
export const getActor = (id: string) => getJson<ActorProfile>(`/actors/${segment(id)}`).then((a) => a.body);
export const getActorRelations = (id: string) =>
  getJson<ActorRelations>(`/actors/${segment(id)}/relations`).then((a) => a.body);

/** Actors whose name or alias matches the typed words, best first. */
export const searchActors = (q: string, signal?: AbortSignal) =>
  getJson<ActorPage>('/actors', new URLSearchParams({ q, limit: '8' }), signal).then((a) => a.body.items);

/** The accusations behind one network edge, with their statements and quotes. */
export function edgeAccusations(source: string, target: string, filters: Filters, level: Level): Promise<AccusationPage> {
  const params = new URLSearchParams({ accuser: source, accused: target, level, limit: '100' });
  if (filters.start) params.set('start', filters.start);
  if (filters.end) params.set('end', filters.end);
  return getJson<AccusationPage>('/accusations', params).then((a) => a.body);
}

export function findPaths(from: string, to: string, maxHops: number): Promise<Paths> {
  const params = new URLSearchParams({ from, to, max_hops: String(maxHops), limit: '20' });
  return getJson<Paths>('/paths', params).then((a) => a.body);
}
