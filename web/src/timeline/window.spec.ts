import { describe, expect, it } from 'vitest';

import { openingWindow } from './window';

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

describe('openingWindow', () => {
  it('opens on the filter window, through the last day it may mean', () => {
    expect(openingWindow([], '2020-02', '2020-02')).toEqual({ start: day('2020-02-01'), end: day('2020-03-01') });
  });

  it('does not open in the year 2000 for a decades-long background item', () => {
    const window = openingWindow(
      [
        { start: '2000-01-01', end: '2020-03-01' },
        { start: '2018-09-17' },
        { start: '2020-02-01', end: '2020-03-01' },
      ],
      null,
      null,
    );
    expect(window!.start.getUTCFullYear()).toBe(2018);
    expect(window!.end.getTime()).toBeGreaterThan(day('2020-03-01').getTime());
  });

  it('falls back to the long items when there is nothing else, and to null for none', () => {
    expect(openingWindow([{ start: '2000-01-01', end: '2020-03-01' }], null, null)!.start.getUTCFullYear()).toBe(1999);
    expect(openingWindow([], null, null)).toBeNull();
  });
});
