/** vis-timeline items as the workbench draws them: escaped text, readable tooltips, approximate ranges marked. */

import { dateTextInWords, formatDate } from '../dates/format';
import type { DateInfo, Precision } from '../dates/format';
import type { DataItem } from 'vis-timeline/esnext';

import type { VisItem } from '../api/types';

const PRECISIONS: readonly Precision[] = ['day', 'week', 'month', 'year'];
// Items longer than this ("for decades", 2000/2020-02) are drawn as a shaded background of their
// group, so they give context without pushing the items of any window down the view.
const BACKGROUND_DAYS = 365;
const DAY_MS = 86_400_000;

function spanDays(item: VisItem): number {
  return item.end ? (Date.parse(item.end) - Date.parse(item.start)) / DAY_MS : 0;
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** The item as vis draws it. The API sends `content` and `title` as HTML for vis (text escaped). */
export function drawable(item: VisItem): DataItem {
  const dateWords = item.title ? dateTextInWords(item.title) : null;
  // Until the API sends rich tooltips it sends the date text: make that words, with the headline.
  const title = dateWords !== null || !item.title
    ? `<strong>${item.content}</strong><br>${escapeHtml(itemDateWords(item))}`
    : item.title;
  // The API marks approximate dates in the class; a coarse range it did not mark is marked here.
  const coarse = item.type === 'range' && !/precision-day\b/.test(item.className);
  const approximate = coarse && !/\bapproximate\b/.test(item.className) ? ' approximate' : '';
  return {
    id: item.id,
    group: item.group,
    type: item.type === 'range' && spanDays(item) > BACKGROUND_DAYS ? 'background' : item.type,
    start: item.start,
    ...(item.end ? { end: item.end } : {}),
    content: item.content,
    title,
    className: `${item.className}${approximate}`,
  };
}

/** The item's date rebuilt from its bounds and its `precision-*` class (vis ends are exclusive). */
export function itemDate(item: VisItem): DateInfo {
  const precision = PRECISIONS.find((p) => item.className.includes(`precision-${p}`)) ?? 'day';
  const start = item.start.slice(0, 10);
  let end = start;
  if (item.end) {
    const last = new Date(`${item.end.slice(0, 10)}T00:00:00Z`);
    last.setUTCDate(last.getUTCDate() - 1);
    end = last.toISOString().slice(0, 10);
  }
  return { text: start === end ? start : `${start}/${end}`, start, end, precision };
}

/** An item's HTML content as plain text, for lists ("officers&#x27; deaths" → "officers' deaths"). */
export function contentText(item: VisItem): string {
  return new DOMParser().parseFromString(item.content, 'text/html').body.textContent ?? item.content;
}

/** The date of an item in words for lists ("February 2020"): its recorded text, else its bounds. */
export function itemDateWords(item: VisItem): string {
  const fromText = item.title ? dateTextInWords(item.title) : null;
  if (fromText !== null) return fromText;
  const date = itemDate(item);
  // Bounds written at the precision: a month range's days are not shown as days.
  return formatDate({ ...date, text: '' });
}
