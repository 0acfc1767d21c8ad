import { describe, expect, it } from 'vitest';

import { dateTextInWords, firstDay, formatDate, isApproximate, isWindowBound, lastDay } from './format';
import type { DateInfo } from './format';

const date = (text: string, start: string, end: string, precision: DateInfo['precision']): DateInfo => ({
  text, start, end, precision,
});

describe('formatDate', () => {
  it('writes a month as the month, never its first day', () => {
    expect(formatDate(date('2019-04', '2019-04-01', '2019-04-30', 'month'))).toBe('April 2019');
  });
  it('writes a year as the year', () => {
    expect(formatDate(date('2018', '2018-01-01', '2018-12-31', 'year'))).toBe('2018');
  });
  it('writes a day in words', () => {
    expect(formatDate(date('2020-02-17', '2020-02-17', '2020-02-17', 'day'))).toBe('17 February 2020');
  });
  it('shares the month of a span of days', () => {
    expect(formatDate(date('2020-02-17/2020-02-18', '2020-02-17', '2020-02-18', 'day'))).toBe('17–18 February 2020');
  });
  it('keeps each side of a range at its own precision', () => {
    expect(formatDate(date('2019-04/2020-02', '2019-04-01', '2020-02-29', 'month'))).toBe('April 2019 – February 2020');
    expect(formatDate(date('2000/2020-02', '2000-01-01', '2020-02-29', 'year'))).toBe('2000 – February 2020');
    expect(formatDate(date('2019-11/2020-02', '2019-11-01', '2020-02-29', 'month'))).toBe('November 2019 – February 2020');
  });
  it('writes spans across months and years in full', () => {
    expect(formatDate(date('2019-05-15/2020-02-15', '2019-05-15', '2020-02-15', 'day'))).toBe('15 May 2019 – 15 February 2020');
    expect(formatDate(date('2020-02-28/2020-03-02', '2020-02-28', '2020-03-02', 'day'))).toBe('28 February – 2 March 2020');
  });
  it('writes a week as its days', () => {
    expect(formatDate(date('2020-02-17/2020-02-23', '2020-02-17', '2020-02-23', 'week'))).toBe('17–23 February 2020 (week)');
  });
  it('falls back to the bounds at the precision when the text is not ISO', () => {
    expect(formatDate(date('April 2019', '2019-04-01', '2019-04-30', 'month'))).toBe('April 2019');
  });
});

describe('dateTextInWords', () => {
  it('turns ISO texts into words and refuses anything else', () => {
    expect(dateTextInWords('2020-02')).toBe('February 2020');
    expect(dateTextInWords('2018-2019')).toBeNull();
    expect(dateTextInWords('yesterday')).toBeNull();
  });
});

describe('isApproximate', () => {
  it('is false only for one exact day', () => {
    expect(isApproximate(date('2020-02-17', '2020-02-17', '2020-02-17', 'day'))).toBe(false);
    expect(isApproximate(date('2020-02-17/2020-02-18', '2020-02-17', '2020-02-18', 'day'))).toBe(true);
    expect(isApproximate(date('2020-02', '2020-02-01', '2020-02-29', 'month'))).toBe(true);
  });
});

describe('window bounds', () => {
  it('opens at the first day and closes at the last day a bound may mean', () => {
    expect(firstDay('2020')).toBe('2020-01-01');
    expect(firstDay('2020-02')).toBe('2020-02-01');
    expect(lastDay('2020-02')).toBe('2020-02-29');
    expect(lastDay('2019-02')).toBe('2019-02-28');
    expect(lastDay('2020')).toBe('2020-12-31');
    expect(lastDay('2020-02-17')).toBe('2020-02-17');
  });
  it('accepts only real ISO bounds', () => {
    expect(isWindowBound('2020-02-29')).toBe(true);
    expect(isWindowBound('2019-02-29')).toBe(false);
    expect(isWindowBound('2020-13')).toBe(false);
    expect(isWindowBound('Feb 2020')).toBe(false);
  });
});
