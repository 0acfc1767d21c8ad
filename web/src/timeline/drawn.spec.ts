import { describe, expect, it } from 'vitest';

import type { VisItem } from '../api/types';
import { drawnItems } from './drawn';

const day = (i: number): VisItem => {
  const start = new Date(Date.UTC(2020, 0, 1 + i)).toISOString().slice(0, 10);
  return { id: `event:${i}`, content: `Event ${i}`, start, type: 'point', group: i % 2 ? 'statement' : 'event', title: start, className: 'event precision-day' };
};
const at = (iso: string) => Date.parse(`${iso}T00:00:00Z`);

describe('drawnItems', () => {
  const all = Array.from({ length: 366 }, (_, i) => day(i));

  it('hands vis only the items around the window', () => {
    const drawn = drawnItems(all, at('2020-03-01'), at('2020-03-11'), 1000);
    const ids = drawn.map((item) => item.id);
    expect(ids).toContain('event:60'); // 1 March
    expect(ids).toContain('event:55'); // within half a window before
    expect(ids).not.toContain('event:40');
    expect(drawn.length).toBeLessThan(25);
  });

  it('counts per period and group when more than `max` are near the window', () => {
    const drawn = drawnItems(all, at('2020-01-01'), at('2021-01-01'), 100);
    expect(drawn.every((item) => String(item.id).startsWith('summary:'))).toBe(true);
    const total = drawn.reduce((sum, item) => sum + Number(item.content), 0);
    expect(total).toBe(366);
    expect(new Set(drawn.map((item) => item.group))).toEqual(new Set(['event', 'statement']));
  });
});
