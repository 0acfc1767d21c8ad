/** The map: placed events as points and clusters over an offline world outline; its box can filter the other views. */

import L from './leaflet-global';
import 'leaflet/dist/leaflet.css';
import 'leaflet.markercluster';
import 'leaflet.markercluster/dist/MarkerCluster.css';
import 'leaflet.markercluster/dist/MarkerCluster.Default.css';

import { ApiError, placedEvents } from '../api';
import type { EventFeatures } from '../api';
import { markOnce } from '../context';
import type { Workbench } from '../context';
import { formatDate } from '../dates/format';
import { select, setBbox } from '../state';
import type { BBox, WorkbenchState } from '../state';
import { h, toggleButton, viewFrame } from '../ui/dom';
import { worldOutline } from './world';

/** Most events placed at once. */
const MAX_POINTS = 5_000;
const WORLD: L.LatLngBoundsExpression = [[-55, -170], [75, 180]];

function fetchChanged(state: WorkbenchState, previous: WorkbenchState): boolean {
  // The map shows everything the other filters allow; its own box only filters the other views.
  const { bbox: _a, ...now } = state.filters;
  const { bbox: _b, ...before } = previous.filters;
  return state.level !== previous.level && state.filters.actors.length > 0
    || (Object.keys(now) as (keyof typeof now)[]).some((key) => now[key] !== before[key]);
}

function boxOf(map: L.Map): BBox {
  const b = map.getBounds();
  return [Math.max(-180, b.getWest()), Math.max(-90, b.getSouth()), Math.min(180, b.getEast()), Math.min(90, b.getNorth())];
}

export function mountMap(root: HTMLElement, app: Workbench): void {
  const frame = viewFrame(root, 'Map');
  const canvas = h('div', { class: 'map-canvas' });
  const list = h('ol', { class: 'item-list', hidden: true, 'aria-label': 'Placed events' });
  frame.body.append(canvas, list);
  const boxSupported = app.caps.has('/timeline', 'bbox');
  const boxToggle = toggleButton('Filter by map area', app.store.state.filters.bbox !== null, (on) => {
    setBbox(app.store, on ? boxOf(map) : null);
  });
  if (!boxSupported) {
    boxToggle.disabled = true;
    boxToggle.title = 'This API version cannot filter by a map box (needs the bbox parameter).';
  }
  frame.actions.append(boxToggle, toggleButton('List', false, (pressed) => {
    list.hidden = !pressed;
    canvas.hidden = pressed;
    if (!pressed) map.invalidateSize();
  }));

  const renderer = L.canvas({ padding: 0.5 });
  const map = L.map(canvas, { attributionControl: false, worldCopyJump: true, minZoom: 1, maxZoom: 14, preferCanvas: true, renderer });
  const start = app.store.state.filters.bbox;
  if (start) map.fitBounds([[start[1], start[0]], [start[3], start[2]]]);
  else map.fitBounds(WORLD);
  const clusters = L.markerClusterGroup({ chunkedLoading: true, showCoverageOnHover: false, maxClusterRadius: 40 });
  map.addLayer(clusters);
  map.on('moveend', () => {
    if (boxToggle.getAttribute('aria-pressed') === 'true') setBbox(app.store, boxOf(map));
  });
  void worldOutline().then((world) => {
    L.geoJSON(world, {
      interactive: false,
      style: { color: '#94a3b8', weight: 0.7, fillColor: '#f1f5f9', fillOpacity: 1 },
    }).addTo(map).bringToBack();
    root.dataset.outline = 'drawn';
    markOnce('ckg:map-outline');
  });

  let controller: AbortController | null = null;
  let placedOnce = false;

  function draw(collection: EventFeatures): void {
    clusters.clearLayers();
    const markers: L.Layer[] = [];
    const entries: HTMLElement[] = [];
    for (const feature of collection.features) {
      if (!feature.geometry) continue;
      const [lon, lat] = feature.geometry.coordinates;
      const item = feature.properties;
      const title = item.title ?? item.id;
      const when = item.date ? formatDate(item.date) : '';
      const marker = L.circleMarker([lat, lon], { radius: 6, weight: 1, color: '#7c2d12', fillColor: '#ea580c', fillOpacity: 0.8 });
      marker.bindTooltip(`${title}${when ? ` — ${when}` : ''}`, { direction: 'top' });
      marker.on('click', () => select(app.store, { kind: 'event', id: item.id }));
      markers.push(marker);
      entries.push(h('li', {}, h('button', { type: 'button', class: 'item-button', 'data-id': item.id,
        onclick: () => select(app.store, { kind: 'event', id: item.id }) },
      h('span', { class: 'item-date' }, when), h('span', { class: 'item-title' }, title))));
    }
    clusters.addLayers(markers);
    list.replaceChildren(...entries);
    if (markers.length && !placedOnce && !app.store.state.filters.bbox) {
      placedOnce = true;
      map.fitBounds(clusters.getBounds(), { maxZoom: 7, padding: [20, 20] });
    }
  }

  async function load(state: WorkbenchState): Promise<void> {
    controller?.abort();
    const current = new AbortController();
    controller = current;
    frame.setState('loading');
    frame.say('Loading…');
    try {
      const collection = await placedEvents(state.filters, app.caps, state.level, MAX_POINTS, current.signal);
      if (current.signal.aborted) return;
      draw(collection);
      const count = collection.features.length;
      frame.say(count
        ? `${count.toLocaleString('en')} placed event${count === 1 ? '' : 's'}`
        : collection.supported
          ? 'No placed events in this view'
          : 'No placed events (this API version gives no coordinates for these events)');
      frame.setState('ready', count);
      markOnce('ckg:map-ready');
    } catch (error) {
      if (current.signal.aborted) return;
      frame.setState('error');
      frame.say(error instanceof ApiError ? `Cannot load: ${error.detail}` : 'Cannot reach the API.');
    }
  }

  app.store.subscribe((state, previous) => {
    if (fetchChanged(state, previous)) void load(state);
    boxToggle.setAttribute('aria-pressed', String(state.filters.bbox !== null));
  });
  new ResizeObserver(() => map.invalidateSize()).observe(canvas);
  void load(app.store.state);
}
