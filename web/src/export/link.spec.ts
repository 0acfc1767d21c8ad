import { describe, expect, it } from 'vitest';

import { INITIAL_STATE } from '../state';
import type { WorkbenchState } from '../state';
import { MAX_ITEM_SEEDS, exportUrl, viewSeeds } from './link';

const state = (patch: Partial<WorkbenchState>): WorkbenchState => ({ ...INITIAL_STATE, ...patch });

describe('export link', () => {
  it('exports the chosen actors and the selection over the window, in whole days', () => {
    const url = exportUrl(
      state({
        filters: { ...INITIAL_STATE.filters, actors: ['actor:russia'], start: '2020-02', end: '2020-02' },
        selection: { kind: 'event', id: 'event:2020-02-17-moscow-talks' },
      }),
      'graphml',
      [],
    );
    const params = new URL(url!, 'http://x').searchParams;
    expect(params.get('format')).toBe('graphml');
    expect(params.getAll('seed')).toEqual(['actor:russia', 'event:2020-02-17-moscow-talks']);
    expect(params.get('start')).toBe('2020-02-01');
    expect(params.get('end')).toBe('2020-02-29');
  });

  it('uses both ends of a selected accusation edge', () => {
    expect(viewSeeds(state({ selection: { kind: 'edge', source: 'actor:russia', target: 'actor:turkey' } }), [])).toEqual(['actor:russia', 'actor:turkey']);
  });

  it('falls back to the first timeline items, and to nothing for an empty view', () => {
    const ids = Array.from({ length: 300 }, (_, i) => `event:${i}`);
    expect(viewSeeds(INITIAL_STATE, ids)).toHaveLength(MAX_ITEM_SEEDS);
    expect(exportUrl(INITIAL_STATE, 'json', [])).toBeNull();
  });
});
