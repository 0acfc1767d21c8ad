/** Which items vis draws: those near the visible window, or per-period counts when too many are in view.

vis-timeline lays out every item it holds on each redraw, so 10,000 items freeze the page for
seconds. The workbench keeps all loaded items itself and hands vis only what is around the window
(half a window each side, so a short pan needs no update); zoomed out over more than `max`, each
group shows one range per period with its count, and a click on it zooms in.
*/

import type { DataItem } from 'vis-timeline/esnext';

import type { VisItem } from '../api/types';
import { drawable } from './items';

export const SUMMARY_PREFIX = 'summary:';
const BUCKETS = 48;

function endOf(item: VisItem): number {
  return Date.parse(item.end ?? item.start) || Date.parse(item.start);
}

/** The drawable items overlapping [from, to] ± half its span, or count ranges when over `max`. */
export function drawnItems(all: readonly VisItem[], from: number, to: number, max: number): DataItem[] {
  const margin = (to - from) / 2;
  const low = from - margin;
  const high = to + margin;
  const near = all.filter((item) => Date.parse(item.start) <= high && endOf(item) >= low);
  if (near.length <= max) return near.map(drawable);
  return summaries(near, low, high);
}

function summaries(items: readonly VisItem[], low: number, high: number): DataItem[] {
  const width = (high - low) / BUCKETS;
  const counts = new Map<string, number>();
  for (const item of items) {
    // Counted in the period it starts in (clamped to the drawn span), per group.
    const bucket = Math.min(BUCKETS - 1, Math.max(0, Math.floor((Date.parse(item.start) - low) / width)));
    const key = `${item.group}:${bucket}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return [...counts].map(([key, count]) => {
    const [group = 'event', bucket = '0'] = key.split(':');
    const start = low + Number(bucket) * width;
    return {
      id: `${SUMMARY_PREFIX}${key}`,
      group,
      type: 'range',
      start: new Date(start),
      end: new Date(start + width * 0.92), // a gap, so neighbouring counts share a row
      content: String(count),
      title: `${count} item${count === 1 ? '' : 's'}: click to zoom in`,
      className: 'summary',
    };
  });
}
