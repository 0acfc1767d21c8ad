/** The workbench: reads the state from the URL, mounts every view on one store, keeps the URL in step. */

import './app.css';

import { loadCapabilities } from './api';
import { markOnce } from './context';
import type { Workbench } from './context';
import { mountExport } from './export/view';
import { focusSearch, mountFilters } from './filters/view';
import { mountPanel } from './panel/view';
import { mountPaths } from './paths/view';
import { Store, fromQuery, select, toQuery } from './state';
import { mountTimeline } from './timeline/view';

function element<T extends HTMLElement>(id: string): T {
  const found = document.getElementById(id);
  if (!found) throw new Error(`index.html has no #${id}`);
  return found as T;
}

async function start(): Promise<void> {
  markOnce('ckg:start');
  // The network (cytoscape) and the map (Leaflet) are separate chunks: fetched and compiled while
  // the capabilities and the timeline's first data arrive, instead of before them.
  const networkView = import('./network/view');
  const mapView = import('./map/view');
  const store = new Store(fromQuery(location.search));
  const status = element('status');
  const app: Workbench = {
    store,
    caps: await loadCapabilities(),
    announce: (message) => {
      status.textContent = message ?? '';
    },
  };

  markOnce('ckg:capabilities');
  mountFilters(element<HTMLFormElement>('filters'), app);
  const timeline = mountTimeline(element('timeline'), app);
  void networkView.then(({ mountNetwork }) => mountNetwork(element('network'), app));
  void mapView.then(({ mountMap }) => mountMap(element('map'), app));
  mountPanel(element('panel'), app);
  mountPaths(element('panel'), app);
  mountExport(element('export'), app, timeline.ids);

  // The URL follows the state, so a copied link reproduces the view. replaceState, not pushState:
  // a map pan or each keystroke-driven filter would otherwise flood the history.
  store.subscribe((state) => {
    const query = toQuery(state);
    if (query !== location.search) history.replaceState(null, '', `${location.pathname}${query}`);
  });

  document.addEventListener('keydown', (event) => {
    const typing = event.target instanceof HTMLInputElement || event.target instanceof HTMLSelectElement || event.target instanceof HTMLTextAreaElement;
    if (event.key === '/' && !typing) {
      event.preventDefault();
      focusSearch(element<HTMLFormElement>('filters'));
    } else if (event.key === 'Escape' && store.state.selection && !typing) {
      select(store, null);
    }
  });
}

void start();
