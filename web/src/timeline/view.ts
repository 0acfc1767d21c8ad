/** The timeline: events and statements in two groups, zoom and pan, approximate dates drawn as dashed ranges. */

import { DataSet } from 'vis-data/esnext';
import { Timeline } from 'vis-timeline/esnext';
import type { DataItem, TimelineOptions } from 'vis-timeline/esnext';
import 'vis-timeline/styles/vis-timeline-graph2d.css';

import { ApiError, timelineItems, unsupportedFilters } from '../api';
import type { VisItem } from '../api';
import { markOnce } from '../context';
import type { Workbench } from '../context';
import { select } from '../state';
import type { WorkbenchState } from '../state';
import { h, toggleButton, viewFrame } from '../ui/dom';
import { SUMMARY_PREFIX, drawnItems } from './drawn';
import { contentText, itemDateWords } from './items';
import { openingWindow } from './window';

/** Most items loaded at once; past this the view says how to narrow it. */
export const MAX_ITEMS = 10_000;
// Most items vis draws at once (see drawn.ts); more near the window are drawn as counts per period.
const MAX_DRAWN = 600;
const GROUPS = [
  { id: 'event', content: 'Events', order: 0 },
  { id: 'statement', content: 'Statements', order: 1 },
];

const OPTIONS: TimelineOptions = {
  height: '100%',
  orientation: { axis: 'top', item: 'top' },
  stack: true,
  verticalScroll: true,
  showCurrentTime: false,
  zoomMin: 86_400_000 * 2,
  zoomMax: 86_400_000 * 365 * 60,
  groupOrder: 'order',
  margin: { item: { horizontal: 2, vertical: 3 } },
  tooltip: { followMouse: true, overflowMethod: 'cap', delay: 150 },
  multiselect: false,
  // Stacking follows this order: short items take the top rows, long spans go below them, so the
  // items of the window in view are not pushed down by the months-long ones crossing it.
  order: (a: DataItem, b: DataItem) => spanOf(a) - spanOf(b) || Number(new Date(a.start)) - Number(new Date(b.start)),
};

function spanOf(item: DataItem): number {
  return item.end ? Number(new Date(item.end)) - Number(new Date(item.start)) : 0;
}

function filtersChanged(state: WorkbenchState, previous: WorkbenchState): boolean {
  return state.filters !== previous.filters || (state.level !== previous.level && state.filters.actors.length > 0);
}

/** What the other parts may read of the timeline: the ids it has loaded, in date order. */
export interface TimelineHandle {
  ids(): string[];
}

export function mountTimeline(root: HTMLElement, app: Workbench): TimelineHandle {
  const frame = viewFrame(root, 'Timeline');
  const canvas = h('div', { class: 'timeline-canvas' });
  const list = h('ol', { class: 'item-list', hidden: true, 'aria-label': 'Timeline items in date order' });
  frame.body.append(canvas, list);
  const items = new DataSet<DataItem>();
  const loaded = new Map<string, VisItem>();
  const timeline = new Timeline(canvas, items, new DataSet(GROUPS), OPTIONS);
  let ordered: VisItem[] = [];

  /** Gives vis the items around its window (adding and removing only the difference). */
  function redraw(): void {
    const { start, end } = timeline.getWindow();
    const wanted = drawnItems(ordered, start.getTime(), end.getTime(), MAX_DRAWN);
    const keep = new Set(wanted.map((item) => String(item.id)));
    const held = new Set(items.getIds().map(String));
    items.remove([...held].filter((id) => !keep.has(id)));
    items.add(wanted.filter((item) => !held.has(String(item.id))));
  }
  timeline.on('rangechanged', () => {
    if (ordered.length) redraw();
  });
  let controller: AbortController | null = null;

  frame.actions.append(
    toggleButton('List', false, (pressed) => {
      list.hidden = !pressed;
      canvas.hidden = pressed;
      if (pressed) renderList();
    }),
    // Zoom and pan for the keyboard (the mouse wheel zooms, dragging pans).
    h('button', { type: 'button', 'aria-label': 'Earlier', onclick: () => move(-0.4) }, '◀'),
    h('button', { type: 'button', 'aria-label': 'Later', onclick: () => move(0.4) }, '▶'),
    h('button', { type: 'button', 'aria-label': 'Zoom the timeline in', onclick: () => timeline.zoomIn(0.5) }, '+'),
    h('button', { type: 'button', 'aria-label': 'Zoom the timeline out', onclick: () => timeline.zoomOut(0.5) }, '−'),
    h('button', { type: 'button', onclick: fitAll, title: 'Show every loaded item' }, 'Fit'),
  );

  function fitAll(): void {
    if (!ordered.length) return;
    const starts = ordered.map((item) => Date.parse(item.start));
    const ends = ordered.map((item) => Date.parse(item.end ?? item.start));
    const [low, high] = [Math.min(...starts), Math.max(...ends)];
    const margin = Math.max(86_400_000, (high - low) * 0.02);
    timeline.setWindow(low - margin, high + margin);
  }

  function move(fraction: number): void {
    const { start, end } = timeline.getWindow();
    const shift = (end.getTime() - start.getTime()) * fraction;
    timeline.setWindow(start.getTime() + shift, end.getTime() + shift);
  }

  timeline.on('select', ({ items: chosen }: { items: string[] }) => {
    const id = chosen[0];
    if (id?.startsWith(SUMMARY_PREFIX)) {
      // A count of items: zoom to its period.
      const summary = items.get(id);
      if (summary?.end) timeline.setWindow(summary.start, summary.end);
      return;
    }
    const item = id ? loaded.get(id) : undefined;
    if (item) select(app.store, { kind: item.group === 'statement' ? 'statement' : 'event', id: item.id });
  });

  function renderList(): void {
    if (list.hidden) return;
    const store = app.store;
    list.replaceChildren(
      ...[...loaded.values()].map((item) =>
        h('li', { 'data-kind': item.group },
          h('button', { type: 'button', class: 'item-button', 'data-id': item.id,
            onclick: () => select(store, { kind: item.group === 'statement' ? 'statement' : 'event', id: item.id }) },
          h('span', { class: 'item-date' }, itemDateWords(item)),
          h('span', { class: `badge badge-${item.group}` }, item.group),
          h('span', { class: 'item-title' }, contentText(item))),
        ),
      ),
    );
  }

  function showSelection(state: WorkbenchState): void {
    const selection = state.selection;
    const id = selection && (selection.kind === 'event' || selection.kind === 'statement') ? selection.id : null;
    timeline.setSelection(id && loaded.has(id) ? [id] : []);
  }

  async function load(state: WorkbenchState): Promise<void> {
    controller?.abort();
    const current = new AbortController();
    controller = current;
    frame.setState('loading');
    frame.say('Loading…');
    items.clear();
    loaded.clear();
    // The first page is drawn at once, the rest when it has all arrived.
    let first = true;
    ordered = [];
    try {
      const batch = await timelineItems(state.filters, app.caps, state.level, MAX_ITEMS, (page) => {
        if (current.signal.aborted) return;
        for (const item of page) loaded.set(item.id, item);
        if (!first) return;
        first = false;
        ordered = [...page];
        const window = openingWindow(page, state.filters.start, state.filters.end);
        if (window) timeline.setWindow(window.start, window.end, { animation: false });
        redraw();
        markOnce('ckg:timeline-drawn');
      }, current.signal);
      if (current.signal.aborted) return;
      ordered = batch.items;
      const window = openingWindow(batch.items, state.filters.start, state.filters.end);
      if (window) timeline.setWindow(window.start, window.end, { animation: false });
      redraw();
      const skipped = unsupportedFilters('/timeline', state.filters, app.caps);
      frame.say([
        `${batch.items.length.toLocaleString('en')} item${batch.items.length === 1 ? '' : 's'}`,
        batch.more ? `(the first ${MAX_ITEMS.toLocaleString('en')}: narrow the window or filters to see the rest)` : '',
        skipped.length ? `— this API cannot filter the timeline by ${skipped.join(', ')}` : '',
      ].filter(Boolean).join(' '));
      renderList();
      showSelection(state);
      frame.setState('ready', batch.items.length);
      root.dispatchEvent(new CustomEvent('timeline-loaded', { bubbles: true }));
      markOnce('ckg:timeline-ready');
    } catch (error) {
      if (current.signal.aborted) return;
      frame.setState('error');
      frame.say(error instanceof ApiError ? `Cannot load: ${error.detail}` : 'Cannot reach the API.');
    }
  }

  app.store.subscribe((state, previous) => {
    if (filtersChanged(state, previous)) void load(state);
    else if (state.selection !== previous.selection) showSelection(state);
  });
  void load(app.store.state);
  return { ids: () => [...loaded.keys()] };
}
