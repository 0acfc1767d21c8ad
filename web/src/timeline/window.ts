/** Which stretch of time the timeline opens on: the filter's window, else the dated items without background spans. */

import { firstDay, lastDay } from '../dates/format';

export interface Span {
  start: string;
  /** Exclusive end (vis ranges end the day after the last day). */
  end?: string | null;
}

export interface TimeWindow {
  start: Date;
  end: Date;
}

// Items longer than this ("for decades", 2000/2020-02) are background: they do not decide the view.
const BACKGROUND_DAYS = 2 * 365;
const DAY_MS = 86_400_000;

function utc(day: string): Date {
  return new Date(`${day.slice(0, 10)}T00:00:00Z`);
}

/** The filter's window when set; else the items' extent without background spans; null for no items. */
export function openingWindow(items: readonly Span[], start: string | null, end: string | null): TimeWindow | null {
  const from = start ? firstDay(start) : null;
  const to = end ? lastDay(end) : null;
  if (from && to) return { start: utc(from), end: new Date(utc(to).getTime() + DAY_MS) };
  const spans = items.map((item) => {
    const first = utc(item.start);
    const last = item.end ? utc(item.end) : new Date(first.getTime() + DAY_MS);
    return { first, last };
  });
  const foreground = spans.filter(({ first, last }) => (last.getTime() - first.getTime()) / DAY_MS <= BACKGROUND_DAYS);
  const chosen = foreground.length ? foreground : spans;
  if (!chosen.length) return null;
  let low = from ? utc(from) : new Date(Math.min(...chosen.map((s) => s.first.getTime())));
  let high = to ? new Date(utc(to).getTime() + DAY_MS) : new Date(Math.max(...chosen.map((s) => s.last.getTime())));
  // A margin of 3% each side, at least a week, so the first and last items are not cut at the edges.
  const margin = Math.max(7 * DAY_MS, (high.getTime() - low.getTime()) * 0.03);
  if (!from) low = new Date(low.getTime() - margin);
  if (!to) high = new Date(high.getTime() + margin);
  return { start: low, end: high };
}
