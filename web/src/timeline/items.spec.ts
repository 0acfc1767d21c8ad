import { describe, expect, it } from 'vitest';

import type { VisItem } from '../api/types';
import { drawable, itemDateWords } from './items';

const month: VisItem = {
  id: 'stmt:x', content: 'Erkhov blames Turkey for the officers&#x27; deaths', start: '2020-02-01', end: '2020-03-01', type: 'range',
  group: 'statement', title: '2020-02', className: 'statement precision-month',
};

describe('timeline items', () => {
  it('marks coarse ranges as approximate and keeps the API\'s escaped HTML as it is', () => {
    const item = drawable(month);
    expect(item.className).toBe('statement precision-month approximate');
    expect(item.content).toBe('Erkhov blames Turkey for the officers&#x27; deaths');
    expect(item.title).toContain('February 2020');
  });

  it('keeps the API\'s own approximate mark without doubling it', () => {
    expect(drawable({ ...month, className: 'statement precision-month approximate' }).className).toBe('statement precision-month approximate');
  });

  it('does not mark a span of known days itself (the API decides)', () => {
    const span = drawable({ ...month, title: '2020-02-17/2020-02-18', start: '2020-02-17', end: '2020-02-19', className: 'event precision-day' });
    expect(span.className).toBe('event precision-day');
  });

  it('draws items longer than a year as the background of their group', () => {
    const decades = drawable({ ...month, start: '2000-01-01', end: '2020-03-01', title: '2000/2020-02' });
    expect(decades.type).toBe('background');
    expect(drawable(month).type).toBe('range');
  });

  it('writes dates in words from the text, or from the bounds at the precision', () => {
    expect(itemDateWords(month)).toBe('February 2020');
    const richTooltip = { ...month, title: '<b>Erkhov</b> — sources…', start: '2019-04-01', end: '2020-03-01' };
    expect(itemDateWords(richTooltip)).toBe('April 2019 – February 2020');
    const day = { ...month, title: null, start: '2020-02-19', end: null, type: 'point', className: 'statement precision-day' };
    expect(itemDateWords(day)).toBe('19 February 2020');
  });
});
