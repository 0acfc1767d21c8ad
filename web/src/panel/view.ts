/** The side panel: whatever is selected (event, statement, actor, accusation edge, place) with its evidence. */

import { ApiError, edgeAccusations, getActor, getActorRelations, getEvent, getStatement } from '../api';
import type { Workbench } from '../context';
import { select, setFilters } from '../state';
import type { Selection, WorkbenchState } from '../state';
import { h } from '../ui/dom';
import { actorPanel, edgePanel } from './actors';
import { eventPanel, statementPanel } from './items';

async function contentFor(app: Workbench, selection: NonNullable<Selection>, state: WorkbenchState): Promise<HTMLElement[]> {
  const store = app.store;
  switch (selection.kind) {
    case 'event':
      return eventPanel(store, await getEvent(selection.id));
    case 'statement':
      return statementPanel(store, await getStatement(selection.id));
    case 'actor':
      // Relations are a heavier query: fetched when the reader opens them.
      return actorPanel(store, await getActor(selection.id), () => getActorRelations(selection.id));
    case 'edge':
      return edgePanel(store, await edgeAccusations(selection.source, selection.target, state.filters, state.level), selection.source, selection.target);
    case 'place':
      return [
        h('p', { class: 'kicker' }, 'Place'), h('h2', {}, selection.id),
        h('p', {}, h('button', { type: 'button', onclick: () => setFilters(store, { place: selection.id }) }, 'Filter by this place')),
      ];
  }
}

export function mountPanel(root: HTMLElement, app: Workbench): void {
  const details = h('div', { class: 'details', 'data-view': 'panel' });
  root.prepend(details);
  let shown = 0;

  function empty(): void {
    details.dataset.state = 'empty';
    details.replaceChildren(
      h('h2', {}, 'Details'),
      h('p', { class: 'muted' }, 'Select an item on the timeline, an actor or an arrow in the network, or a point on the map to see its quotes, sources and verdicts here.'),
      h('p', { class: 'muted' }, 'Keys: / search · Esc close this panel.'),
    );
  }

  async function show(state: WorkbenchState): Promise<void> {
    const selection = state.selection;
    const request = ++shown;
    if (!selection) {
      empty();
      return;
    }
    details.dataset.state = 'loading';
    details.setAttribute('aria-busy', 'true');
    try {
      const content = await contentFor(app, selection, state);
      if (request !== shown) return;
      const close = h('button', { type: 'button', class: 'close', 'aria-label': 'Close details', onclick: () => select(app.store, null) }, '×');
      details.replaceChildren(close, ...content);
      details.dataset.state = 'ready';
      details.dataset.selected = selection.kind === 'edge' ? `${selection.source}|${selection.target}` : selection.id;
    } catch (error) {
      if (request !== shown) return;
      details.dataset.state = 'error';
      details.replaceChildren(h('h2', {}, 'Details'), h('p', { role: 'alert' },
        error instanceof ApiError && error.status === 404 ? 'This item is no longer in the graph.'
          : error instanceof ApiError ? `Cannot load: ${error.detail}` : 'Cannot reach the API.'));
    } finally {
      if (request === shown) details.removeAttribute('aria-busy');
    }
  }

  app.store.subscribe((state, previous) => {
    const edgeWindow = state.selection?.kind === 'edge' && (state.filters.start !== previous.filters.start || state.filters.end !== previous.filters.end || state.level !== previous.level);
    if (state.selection !== previous.selection || edgeWindow) void show(state);
  });
  void show(app.store.state);
}
