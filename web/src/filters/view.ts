/** The filter bar: window, actors (autocomplete), types, stances, place, text, dataset; every change is one action. */

import { getActor } from '../api';
import type { Workbench } from '../context';
import { isWindowBound } from '../dates/format';
import { chooseActor, removeActor, resetFilters, setFilters } from '../state';
import type { Filters, WorkbenchState } from '../state';
import { h, words } from '../ui/dom';
import { actorAutocomplete } from './autocomplete';

type TextFilter = 'start' | 'end' | 'place' | 'q' | 'dataset';

interface Checklist {
  element: HTMLElement;
  update(chosen: readonly string[]): void;
}

function checklist(label: string, values: string[], chosen: readonly string[], onChange: (values: string[]) => void): Checklist {
  const summary = h('summary', {}, label);
  const boxes = values.map((value) => {
    const box = h('input', { type: 'checkbox', value, checked: chosen.includes(value) });
    box.addEventListener('change', () => onChange(boxes.filter((b) => b.checked).map((b) => b.value)));
    return box;
  });
  const element = h('details', { class: 'checklist' }, summary,
    h('fieldset', {}, h('legend', { class: 'visually-hidden' }, label), boxes.map((box) => h('label', {}, box, ` ${words(box.value)}`))));
  const update = (now: readonly string[]) => {
    for (const box of boxes) box.checked = now.includes(box.value);
    summary.textContent = now.length ? `${label} (${now.length})` : label;
  };
  update(chosen);
  if (!values.length) element.hidden = true; // the API did not list its values
  return { element, update };
}

export function mountFilters(form: HTMLFormElement, app: Workbench): void {
  const store = app.store;
  const names = new Map<string, string>();
  const inputs = {} as Record<TextFilter, HTMLInputElement>;
  const field = (name: TextFilter, label: string, attributes: Record<string, string | boolean> = {}) => {
    const input = h('input', { type: 'text', name, 'aria-label': label, placeholder: label, ...attributes });
    inputs[name] = input;
    input.addEventListener('change', () => {
      const value = input.value.trim() || null;
      const bound = name === 'start' || name === 'end';
      const valid = !bound || value === null || isWindowBound(value);
      input.setAttribute('aria-invalid', String(!valid));
      input.title = valid ? '' : 'A date: 2020, 2020-02 or 2020-02-17';
      if (valid) setFilters(store, { [name]: value } as Partial<Filters>);
    });
    return input;
  };

  const chips = h('span', { class: 'chips', 'aria-label': 'Chosen actors' });
  const datasetSupported = app.caps.has('/timeline', 'dataset');
  const types = checklist('Event types', app.caps.values('/timeline', 'type'), store.state.filters.types, (v) => setFilters(store, { types: v }));
  const stances = checklist('Stances', app.caps.values('/timeline', 'stance'), store.state.filters.stances, (v) => setFilters(store, { stances: v }));
  const dataset = field('dataset', 'Dataset', { list: 'datasets', size: '9' });
  if (!datasetSupported) {
    dataset.disabled = true;
    dataset.title = 'This API version cannot filter by dataset.';
  }

  form.append(
    h('span', { class: 'window' }, field('start', 'From (2020, 2020-02…)', { size: '10' }), '–', field('end', 'To', { size: '10' })),
    h('span', { class: 'actors' },
      actorAutocomplete('Filter by actor', (actor) => {
        names.set(actor.id, actor.name);
        chooseActor(store, actor.id, { add: true });
      }),
      chips),
    types.element,
    stances.element,
    field('place', 'Place id', { size: '12' }),
    field('q', 'Text (/)', { type: 'search', size: '12' }),
    dataset,
    h('datalist', { id: 'datasets' }, ['acled', 'gdelt', 'ucdp', 'idlib-2018-2020'].map((value) => h('option', { value }))),
    h('button', { type: 'button', onclick: () => resetFilters(store) }, 'Reset'),
  );
  form.addEventListener('submit', (event) => event.preventDefault());

  function renderChips(state: WorkbenchState): void {
    chips.replaceChildren(...state.filters.actors.map((id) =>
      h('span', { class: 'chip', 'data-id': id }, names.get(id) ?? id,
        h('button', { type: 'button', 'aria-label': `Remove ${names.get(id) ?? id}`, onclick: () => removeActor(store, id) }, '×'))));
    for (const id of state.filters.actors) {
      if (names.has(id)) continue;
      names.set(id, id);
      void getActor(id).then((actor) => {
        names.set(id, actor.name);
        renderChips(store.state);
      }).catch(() => undefined);
    }
  }

  function sync(state: WorkbenchState): void {
    for (const name of Object.keys(inputs) as TextFilter[]) {
      if (document.activeElement !== inputs[name]) inputs[name].value = state.filters[name] ?? '';
    }
    types.update(state.filters.types);
    stances.update(state.filters.stances);
    renderChips(state);
  }

  store.subscribe((state, previous) => {
    if (state.filters !== previous.filters) sync(state);
  });
  sync(store.state);
}

/** Focuses the text filter (the "/" key). */
export function focusSearch(form: HTMLFormElement): void {
  (form.elements.namedItem('q') as HTMLInputElement | null)?.focus();
}
