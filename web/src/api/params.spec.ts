import { describe, expect, it } from 'vitest';

import { NO_FILTERS } from '../state/types';
import { Capabilities } from './capabilities';
import { itemParams, networkParams, unsupportedFilters } from './params';

const dataset = { name: 'dataset', in: 'query' }; // free text: the API checks the names
const withDataset = new Capabilities({
  paths: {
    '/timeline': { get: { parameters: [dataset] } },
    '/accusations/network': { get: { parameters: [dataset] } },
  },
});
const filters = { ...NO_FILTERS, dataset: 'acled,idlib-2018-2020' };

describe('the dataset filter', () => {
  it('is sent to the API as it was typed, which filters by any of the datasets', () => {
    expect(itemParams('/timeline', filters, withDataset, { level: 'state' }).get('dataset')).toBe('acled,idlib-2018-2020');
    expect(networkParams(filters, withDataset, 'state').get('dataset')).toBe('acled,idlib-2018-2020');
    expect(unsupportedFilters('/timeline', filters, withDataset)).toEqual([]);
  });

  it('is named as unsupported, never sent, where the API does not take it', () => {
    const without = Capabilities.minimal();
    expect(itemParams('/timeline', filters, without, { level: 'state' }).has('dataset')).toBe(false);
    expect(networkParams(filters, without, 'state').has('dataset')).toBe(false);
    expect(unsupportedFilters('/timeline', filters, without)).toEqual(['dataset']);
  });

  it('is left out when empty', () => {
    expect(itemParams('/timeline', NO_FILTERS, withDataset, { level: 'state' }).has('dataset')).toBe(false);
  });
});
