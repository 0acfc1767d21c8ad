/** The accusation network: who accused whom, at actor or state level; choosing an actor filters every view. */

import cytoscape from 'cytoscape';
import fcose from 'cytoscape-fcose';

import { ApiError, accusationNetwork } from '../api';
import type { NetworkEdgeData, NetworkElements, NetworkNodeData } from '../api';
import { markOnce } from '../context';
import type { Workbench } from '../context';
import { chooseActor, select, setLevel } from '../state';
import type { Level, WorkbenchState } from '../state';
import { h, toggleButton, viewFrame } from '../ui/dom';
import { MUTUAL_COLOUR, networkStyle } from './style';

cytoscape.use(fcose);

// Above this many nodes the layout runs its fast spectral pass only, and pans/zooms draw a texture.
const LARGE_GRAPH = 300;

/** The network's own inputs: level, window, and place or map box where the API filters by them. */
function fetchChanged(state: WorkbenchState, previous: WorkbenchState, boxFilters: boolean): boolean {
  const [f, p] = [state.filters, previous.filters];
  return state.level !== previous.level || f.start !== p.start || f.end !== p.end || f.place !== p.place
    || (boxFilters && f.bbox !== p.bbox);
}

export function mountNetwork(root: HTMLElement, app: Workbench): void {
  const frame = viewFrame(root, 'Accusation network');
  const canvas = h('div', { class: 'network-canvas' });
  const list = h('div', { class: 'edge-list', hidden: true });
  const legend = h('p', { class: 'legend' },
    'Arrow: accuser → accused; width: how many accusations; ',
    h('span', { style: `color:${MUTUAL_COLOUR};font-weight:600` }, 'red: mutual'),
    '. Click an actor to filter every view (Shift adds), an arrow to read its statements.');
  frame.body.append(canvas, list, legend);
  const level = h('select', { 'aria-label': 'Network level', class: 'level' },
    h('option', { value: 'state' }, 'States'), h('option', { value: 'actor' }, 'Actors as stated'));
  level.value = app.store.state.level;
  level.addEventListener('change', () => setLevel(app.store, level.value as Level));
  frame.actions.append(level, toggleButton('List', false, (pressed) => {
    list.hidden = !pressed;
    canvas.hidden = pressed;
    legend.hidden = pressed;
    if (!pressed) cy?.resize();
  }));

  let cy: cytoscape.Core | null = null;
  let elements: NetworkElements | null = null;
  let controller: AbortController | null = null;

  function create(data: NetworkElements): cytoscape.Core {
    const large = data.elements.nodes.length > LARGE_GRAPH;
    const maxCount = Math.max(1, ...data.elements.edges.map((e) => e.data.accusation_count));
    // Node size grows with the number of accusation links (set before styling: mappers need the field).
    const degree = new Map<string, number>();
    for (const { data: edge } of data.elements.edges) {
      for (const end of [edge.source, edge.target]) degree.set(end, (degree.get(end) ?? 0) + 1);
    }
    const nodes = data.elements.nodes.map((node) => ({ data: { ...node.data, size: 14 + 5 * Math.sqrt(degree.get(node.data.id) ?? 0) } }));
    const core = cytoscape({
      container: canvas,
      elements: [...nodes, ...data.elements.edges],
      style: networkStyle(maxCount, large),
      textureOnViewport: large,
      hideEdgesOnViewport: large,
      minZoom: 0.02,
      maxZoom: 4,
    });
    core.layout({
      name: 'fcose', animate: false, randomize: true, quality: large ? 'draft' : 'default',
      nodeRepulsion: 9000, idealEdgeLength: 90, nodeSeparation: 90, padding: 24,
    } as cytoscape.LayoutOptions).run();
    core.on('tap', 'node', (event) => {
      const shift = (event.originalEvent as MouseEvent | undefined)?.shiftKey ?? false;
      chooseActor(app.store, event.target.id(), { add: shift });
    });
    core.on('tap', 'edge', (event) => {
      const data = event.target.data() as NetworkEdgeData;
      select(app.store, { kind: 'edge', source: data.source, target: data.target });
    });
    return core;
  }

  /** Linked selection: the chosen actors and their accusations stand out, the rest fades. */
  function highlight(state: WorkbenchState): void {
    if (!cy) return;
    const chosen = new Set(state.filters.actors);
    cy.batch(() => {
      cy!.elements().removeClass('chosen faded shown');
      if (chosen.size) {
        const nodes = cy!.nodes().filter((n) => chosen.has(n.id()));
        nodes.addClass('chosen');
        const near = nodes.closedNeighborhood();
        cy!.elements().not(near).addClass('faded');
      }
      const selection = state.selection;
      if (selection?.kind === 'edge') {
        cy!.edges().filter((e) => e.data('source') === selection.source && e.data('target') === selection.target).addClass('shown');
      }
    });
    renderList(state);
  }

  function renderList(state: WorkbenchState): void {
    if (!elements) return;
    const names = new Map(elements.elements.nodes.map((n) => [n.data.id, n.data.label]));
    const chosen = new Set(state.filters.actors);
    const rows = [...elements.elements.edges].sort((a, b) => b.data.accusation_count - a.data.accusation_count);
    const actorButton = (id: string) =>
      h('button', { type: 'button', class: 'link', 'aria-pressed': String(chosen.has(id)), onclick: () => chooseActor(app.store, id) }, names.get(id) ?? id);
    list.replaceChildren(
      h('table', { class: 'edges' },
        h('caption', {}, 'Accusations between actors, heaviest first'),
        h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Accuser'), h('th', { scope: 'col' }, 'Accused'),
          h('th', { scope: 'col' }, 'Accusations'), h('th', { scope: 'col' }, 'When'), h('th', { scope: 'col' }, 'Mutual'), h('th', { scope: 'col' }, 'Statements'))),
        h('tbody', {}, rows.map(({ data }) =>
          h('tr', { 'data-source': data.source, 'data-target': data.target, 'data-mutual': String(Boolean(data.mutual)) },
            h('td', {}, actorButton(data.source)), h('td', {}, actorButton(data.target)), h('td', {}, data.accusation_count),
            h('td', {}, data.dates ?? ''),
            h('td', {}, data.mutual ? 'mutual' : ''),
            h('td', {}, h('button', { type: 'button', class: 'link',
              onclick: () => select(app.store, { kind: 'edge', source: data.source, target: data.target }) }, 'Read'))),
        )),
      ),
    );
  }

  async function load(state: WorkbenchState): Promise<void> {
    controller?.abort();
    const current = new AbortController();
    controller = current;
    frame.setState('loading');
    frame.say('Loading…');
    try {
      const data = await accusationNetwork(state.filters, app.caps, state.level, current.signal);
      if (current.signal.aborted) return;
      elements = data;
      cy?.destroy();
      cy = create(data);
      highlight(state);
      const nodes = data.elements.nodes.length;
      const mutual = data.elements.edges.filter((e) => e.data.mutual).length;
      frame.say(`${nodes} actor${nodes === 1 ? '' : 's'}, ${data.elements.edges.length} accusation links` +
        (mutual ? ` (${mutual} mutual)` : '') + (data.truncated ? ' — the heaviest 1,000 links only' : ''));
      root.dataset.mutual = mutualPairs(data.elements.edges.map((e) => e.data), data.elements.nodes.map((n) => n.data)).join(';');
      frame.setState('ready', nodes);
      markOnce('ckg:network-ready');
    } catch (error) {
      if (current.signal.aborted) return;
      frame.setState('error');
      frame.say(error instanceof ApiError ? `Cannot load: ${error.detail}` : 'Cannot reach the API.');
    }
  }

  app.store.subscribe((state, previous) => {
    if (state.level !== previous.level) level.value = state.level;
    if (fetchChanged(state, previous, app.caps.has('/accusations/network', 'bbox'))) void load(state);
    else if (state.filters.actors !== previous.filters.actors || state.selection !== previous.selection) highlight(state);
  });
  new ResizeObserver(() => cy?.resize()).observe(canvas);
  void load(app.store.state);
}

/** "Russia↔Turkey" for each mutual pair (once per pair, by name), for the view's data-mutual hook. */
export function mutualPairs(edges: NetworkEdgeData[], nodes: NetworkNodeData[]): string[] {
  const names = new Map(nodes.map((n) => [n.id, n.label]));
  const pairs = new Set<string>();
  for (const edge of edges) {
    if (!edge.mutual) continue;
    const [a, b] = [names.get(edge.source) ?? edge.source, names.get(edge.target) ?? edge.target].sort();
    pairs.add(`${a}↔${b}`);
  }
  return [...pairs].sort();
}
