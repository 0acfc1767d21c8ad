/** An actor search box with a keyboard-driven suggestion list (ARIA combobox); picking calls `onPick`. */

import { searchActors } from '../api';
import type { ActorSummary } from '../api';
import { h, words } from '../ui/dom';

let nextId = 0;

export function actorAutocomplete(label: string, onPick: (actor: ActorSummary) => void, placeholder = 'Actor name…'): HTMLElement {
  const listId = `actor-options-${++nextId}`;
  const input = h('input', {
    type: 'search', role: 'combobox', 'aria-autocomplete': 'list', 'aria-expanded': 'false', 'aria-controls': listId,
    'aria-label': label, placeholder, class: 'actor-input',
  });
  const options = h('ul', { id: listId, role: 'listbox', class: 'options', hidden: true });
  let found: ActorSummary[] = [];
  let active = -1;
  let timer: number | undefined;
  let controller: AbortController | null = null;

  function close(): void {
    options.hidden = true;
    input.setAttribute('aria-expanded', 'false');
    input.removeAttribute('aria-activedescendant');
    active = -1;
  }

  function render(): void {
    options.replaceChildren(...found.map((actor, index) => {
      const option = h('li', { id: `${listId}-${index}`, role: 'option', 'aria-selected': String(index === active), 'data-id': actor.id },
        actor.name, h('span', { class: 'muted' }, ` ${words(actor.kind)}${actor.country ? ` · ${actor.country}` : ''}`));
      option.addEventListener('mousedown', (event) => {
        event.preventDefault(); // keep focus in the input
        pick(index);
      });
      return option;
    }));
    options.hidden = found.length === 0;
    input.setAttribute('aria-expanded', String(found.length > 0));
    if (active >= 0) input.setAttribute('aria-activedescendant', `${listId}-${active}`);
  }

  function pick(index: number): void {
    const actor = found[index];
    if (!actor) return;
    input.value = '';
    found = [];
    close();
    onPick(actor);
  }

  input.addEventListener('input', () => {
    window.clearTimeout(timer);
    const text = input.value.trim();
    if (!text) {
      found = [];
      close();
      return;
    }
    timer = window.setTimeout(async () => {
      controller?.abort();
      controller = new AbortController();
      try {
        found = await searchActors(text, controller.signal);
        active = found.length ? 0 : -1;
        render();
      } catch {
        // a newer keystroke aborted this search, or the API is down (the views say so)
      }
    }, 150);
  });
  input.addEventListener('keydown', (event) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      if (!found.length) return;
      event.preventDefault();
      active = (active + (event.key === 'ArrowDown' ? 1 : found.length - 1)) % found.length;
      render();
    } else if (event.key === 'Enter' && !options.hidden && active >= 0) {
      event.preventDefault();
      pick(active);
    } else if (event.key === 'Escape' && !options.hidden) {
      event.stopPropagation();
      close();
    }
  });
  input.addEventListener('blur', () => window.setTimeout(close, 100));
  return h('span', { class: 'autocomplete' }, input, options);
}
