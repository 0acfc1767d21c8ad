import { describe, expect, it, vi } from 'vitest';

import {
  INITIAL_STATE, Store, chooseActor, fromQuery, removeActor, resetFilters, select, setBbox, setFilters,
  setLevel, setPathEnd, toQuery,
} from './index';
import type { WorkbenchState } from './index';

describe('actions', () => {
  it('choosing an actor filters by it and opens it, in one change', () => {
    const store = new Store(INITIAL_STATE);
    const listener = vi.fn();
    store.subscribe(listener);
    chooseActor(store, 'actor:russia');
    expect(listener).toHaveBeenCalledTimes(1);
    expect(store.state.filters.actors).toEqual(['actor:russia']);
    expect(store.state.selection).toEqual({ kind: 'actor', id: 'actor:russia' });
  });

  it('adds actors with `add` and removes them one by one', () => {
    const store = new Store(INITIAL_STATE);
    chooseActor(store, 'actor:russia');
    chooseActor(store, 'actor:turkey', { add: true });
    chooseActor(store, 'actor:turkey', { add: true });
    expect(store.state.filters.actors).toEqual(['actor:russia', 'actor:turkey']);
    removeActor(store, 'actor:russia');
    expect(store.state.filters.actors).toEqual(['actor:turkey']);
  });

  it('keeps the other filters when one changes and never mutates the previous state', () => {
    const store = new Store(INITIAL_STATE);
    setFilters(store, { start: '2020-02', q: 'Idlib' });
    const before = store.state;
    setFilters(store, { end: '2020-02' });
    expect(store.state.filters).toMatchObject({ start: '2020-02', end: '2020-02', q: 'Idlib' });
    expect(before.filters.end).toBeNull();
    resetFilters(store);
    expect(store.state.filters).toEqual(INITIAL_STATE.filters);
  });

  it('tells listeners the previous state so views refetch only on their own inputs', () => {
    const store = new Store(INITIAL_STATE);
    const seen: [WorkbenchState, WorkbenchState][] = [];
    store.subscribe((state, previous) => seen.push([state, previous]));
    select(store, { kind: 'event', id: 'event:x' });
    const [state, previous] = seen[0]!;
    expect(state.filters).toBe(previous.filters);
    expect(state.selection).not.toBe(previous.selection);
  });

  it('ignores a map move smaller than the rounding, and a level that does not change', () => {
    const store = new Store(INITIAL_STATE);
    const listener = vi.fn();
    store.subscribe(listener);
    setBbox(store, [35.001, 34.002, 38.004, 37.001]);
    setBbox(store, [35.002, 34.001, 38.003, 37.002]);
    setLevel(store, 'state');
    expect(listener).toHaveBeenCalledTimes(1);
    expect(store.state.filters.bbox).toEqual([35, 34, 38, 37]);
  });
});

describe('URL state', () => {
  it('round-trips every part of the state', () => {
    const store = new Store(INITIAL_STATE);
    setFilters(store, {
      start: '2020-02', end: '2020-02-29', types: ['airstrike', 'offensive'], stances: ['accusation'],
      place: 'place:idlib', q: 'Ariha', dataset: 'acled', bbox: [35, 34, 38, 37],
    });
    chooseActor(store, 'actor:russia');
    chooseActor(store, 'actor:turkey', { add: true });
    setLevel(store, 'actor');
    select(store, { kind: 'edge', source: 'actor:russia', target: 'actor:turkey' });
    setPathEnd(store, 'from', 'actor:aleksei-erkhov');
    setPathEnd(store, 'to', 'event:2019-04-syrian-offensive');
    const query = toQuery(store.state);
    expect(fromQuery(query)).toEqual(store.state);
  });

  it('leaves defaults out, so the plain workbench has a plain URL', () => {
    expect(toQuery(INITIAL_STATE)).toBe('');
    expect(fromQuery('')).toEqual(INITIAL_STATE);
  });

  it('keeps ids with colons whole and reads selections of each kind', () => {
    expect(fromQuery('?show=event:acled:SYR1').selection).toEqual({ kind: 'event', id: 'acled:SYR1' });
    expect(fromQuery('?show=statement:stmt:x').selection).toEqual({ kind: 'statement', id: 'stmt:x' });
  });

  it('drops malformed values instead of failing', () => {
    const state = fromQuery('?show=nonsense&bbox=1,2,3&level=galaxy&start=');
    expect(state.selection).toBeNull();
    expect(state.filters.bbox).toBeNull();
    expect(state.level).toBe('state');
    expect(state.filters.start).toBeNull();
  });
});
