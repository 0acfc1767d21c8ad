/** The path finder: the shortest connections between two nodes, each node a link into the panel. */

import { ApiError, findPaths } from '../api';
import type { PathRelationship, Paths } from '../api';
import type { Workbench } from '../context';
import { actorAutocomplete } from '../filters/autocomplete';
import { nodeButton } from '../panel/parts';
import { setPathEnd } from '../state';
import type { WorkbenchState } from '../state';
import { h, words } from '../ui/dom';

// Relationship properties worth a reader's eye when the API sends them (role, rating, charge, quote).
const SHOWN_PROPERTIES = ['role', 'rating', 'charge', 'title'];

function relationshipText(relationship: PathRelationship, forward: boolean): string {
  const details = SHOWN_PROPERTIES.map((key) => relationship[key]).filter((v) => typeof v === 'string' && v);
  return `${forward ? '' : '← '}${words(relationship.type.toLowerCase())}${forward ? ' →' : ''}${details.length ? ` (${details.join(', ')})` : ''}`;
}

function renderPaths(app: Workbench, answer: Paths): HTMLElement {
  if (!answer.paths.length) return h('p', { role: 'status' }, `No connection within ${answer.max_hops} steps.`);
  return h('div', {},
    h('p', { role: 'status' }, `${answer.paths.length} shortest path${answer.paths.length === 1 ? '' : 's'} of ${answer.paths[0]!.length} step${answer.paths[0]!.length === 1 ? '' : 's'}` +
      (answer.truncated ? ' (more exist; the best-evidenced first)' : '')),
    h('ol', { class: 'paths' }, answer.paths.map((path) => h('li', {}, path.nodes.flatMap((node, index) => {
      const button = nodeButton(app.store, { id: node.id, label: node.labels[0] ?? '', name: node.name, date: null });
      const relationship = path.relationships[index];
      if (!relationship) return [button];
      const quoteText = typeof relationship.quote === 'string' ? relationship.quote : null;
      return [button, h('span', { class: 'rel', title: quoteText ?? '' }, ` ${relationshipText(relationship, relationship.start === node.id)} `)];
    })))));
}

export function mountPaths(root: HTMLElement, app: Workbench): void {
  const fromInput = h('input', { type: 'text', 'aria-label': 'Path from (node id)', placeholder: 'from: actor:…, event:…' });
  const toInput = h('input', { type: 'text', 'aria-label': 'Path to (node id)', placeholder: 'to: actor:…, event:…' });
  const hops = h('select', { 'aria-label': 'Longest path' }, [2, 3, 4, 5, 6].map((n) => h('option', { value: n }, `≤ ${n} steps`)));
  hops.value = '4';
  const result = h('div', { class: 'path-result', 'aria-live': 'polite' });
  const form = h('form', { class: 'path-form' },
    h('label', {}, 'From ', fromInput),
    actorAutocomplete('Find the start actor', (actor) => setPathEnd(app.store, 'from', actor.id), 'or search an actor'),
    h('label', {}, 'To ', toInput),
    actorAutocomplete('Find the end actor', (actor) => setPathEnd(app.store, 'to', actor.id), 'or search an actor'),
    h('p', {}, hops, ' ', h('button', { type: 'submit' }, 'Find paths')),
    result);
  root.append(h('section', { class: 'path-finder', 'aria-label': 'Path finder' }, h('h2', {}, 'Path finder'), form));
  fromInput.addEventListener('change', () => setPathEnd(app.store, 'from', fromInput.value.trim() || null));
  toInput.addEventListener('change', () => setPathEnd(app.store, 'to', toInput.value.trim() || null));

  async function find(state: WorkbenchState): Promise<void> {
    const { from, to } = state.path;
    if (!from || !to) {
      result.replaceChildren(h('p', { class: 'muted' }, 'Choose two nodes ("Path from here" / "Path to here" in the details, or type ids).'));
      return;
    }
    result.replaceChildren(h('p', {}, 'Searching…'));
    try {
      result.replaceChildren(renderPaths(app, await findPaths(from, to, Number(hops.value))));
    } catch (error) {
      result.replaceChildren(h('p', { role: 'alert' }, error instanceof ApiError ? error.detail : 'Cannot reach the API.'));
    }
  }

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    setPathEnd(app.store, 'from', fromInput.value.trim() || null);
    setPathEnd(app.store, 'to', toInput.value.trim() || null);
    void find(app.store.state);
  });
  function sync(state: WorkbenchState): void {
    fromInput.value = state.path.from ?? '';
    toInput.value = state.path.to ?? '';
  }
  app.store.subscribe((state, previous) => {
    if (state.path === previous.path) return;
    sync(state);
    if (state.path.from && state.path.to) void find(state);
  });
  sync(app.store.state);
  void find(app.store.state);
}
