/** Dates in words by their precision: "April 2019", "2019", "17–18 February 2020", never "2019-04-01". */

export type Precision = 'day' | 'week' | 'month' | 'year';

/** A date as the API gives it: the text as recorded, first and last possible day, precision. */
export interface DateInfo {
  text: string;
  start: string;
  end: string;
  precision: Precision;
}

const MONTHS = [
  'January', 'February', 'March', 'April', 'May', 'June',
  'July', 'August', 'September', 'October', 'November', 'December',
];
const ISO_PART = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

/** One side of a date text: year, and month and day where the text has them. */
interface Part {
  year: number;
  month: number | null;
  day: number | null;
}

function parsePart(text: string): Part | null {
  const match = ISO_PART.exec(text.trim());
  if (!match) return null;
  const [, year, month, day] = match;
  return { year: Number(year), month: month ? Number(month) : null, day: day ? Number(day) : null };
}

function monthName(month: number): string {
  return MONTHS[month - 1] ?? String(month);
}

function partInWords(part: Part): string {
  if (part.month === null) return String(part.year);
  if (part.day === null) return `${monthName(part.month)} ${part.year}`;
  return `${part.day} ${monthName(part.month)} ${part.year}`;
}

/** Two sides of a range, sharing what they have in common: "17–18 February 2020", "April 2019 – February 2020". */
function rangeInWords(from: Part, to: Part): string {
  const sameYear = from.year === to.year;
  if (from.month === null || to.month === null) {
    // A year on either side: "2000 – February 2020", "2018–2020".
    if (from.month === null && to.month === null) return sameYear ? String(from.year) : `${from.year}–${to.year}`;
    return `${partInWords(from)} – ${partInWords(to)}`;
  }
  if (from.day === null || to.day === null) {
    if (from.day === null && to.day === null && sameYear) {
      return from.month === to.month
        ? partInWords(from)
        : `${monthName(from.month)}–${monthName(to.month)} ${from.year}`;
    }
    return `${partInWords(from)} – ${partInWords(to)}`;
  }
  if (sameYear && from.month === to.month) {
    return from.day === to.day ? partInWords(from) : `${from.day}–${to.day} ${monthName(from.month)} ${from.year}`;
  }
  if (sameYear) return `${from.day} ${monthName(from.month)} – ${partInWords(to)}`;
  return `${partInWords(from)} – ${partInWords(to)}`;
}

/** The recorded text of a date in words ("2019-04" → "April 2019"); null when it is not ISO text. */
export function dateTextInWords(text: string): string | null {
  const [left, right, ...rest] = text.split('/');
  if (left === undefined || rest.length > 0) return null;
  const from = parsePart(left);
  if (!from) return null;
  if (right === undefined) return partInWords(from);
  const to = parsePart(right);
  return to ? rangeInWords(from, to) : null;
}

function dayPart(iso: string): Part {
  return parsePart(iso) ?? { year: Number(iso.slice(0, 4)), month: null, day: null };
}

/** A date in words by its precision; a week is its days with "(week)"; falls back to the first/last days. */
export function formatDate(date: DateInfo): string {
  if (date.precision === 'week') {
    return `${rangeInWords(dayPart(date.start), dayPart(date.end))} (week)`;
  }
  const fromText = dateTextInWords(date.text);
  if (fromText !== null) return fromText;
  // Text in another form (e.g. "April 2019" as written): words from the bounds at the precision.
  const cut = (iso: string): Part => {
    const part = dayPart(iso);
    if (date.precision === 'year') return { ...part, month: null, day: null };
    if (date.precision === 'month') return { ...part, day: null };
    return part;
  };
  const from = cut(date.start);
  const to = cut(date.end);
  return rangeInWords(from, to);
}

/** True when the date is not one known day (a week, month, year or a span): drawn as approximate. */
export function isApproximate(date: DateInfo): boolean {
  return date.precision !== 'day' || date.start !== date.end;
}

/** The first day a window bound may mean: "2020" → 2020-01-01, "2020-02" → 2020-02-01. */
export function firstDay(text: string): string | null {
  const part = parsePart(text);
  if (!part) return null;
  return isoDay(part.year, part.month ?? 1, part.day ?? 1);
}

/** The last day a window bound may mean: "2020" → 2020-12-31, "2020-02" → 2020-02-29. */
export function lastDay(text: string): string | null {
  const part = parsePart(text);
  if (!part) return null;
  const month = part.month ?? 12;
  const day = part.day ?? new Date(Date.UTC(part.year, month, 0)).getUTCDate();
  return isoDay(part.year, month, day);
}

/** True for YYYY, YYYY-MM and YYYY-MM-DD texts naming a real day/month. */
export function isWindowBound(text: string): boolean {
  const part = parsePart(text);
  if (!part) return false;
  if (part.month !== null && (part.month < 1 || part.month > 12)) return false;
  if (part.day !== null) {
    const last = new Date(Date.UTC(part.year, part.month ?? 1, 0)).getUTCDate();
    return part.day >= 1 && part.day <= last;
  }
  return true;
}

function isoDay(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}
