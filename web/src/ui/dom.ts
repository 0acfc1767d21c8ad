/** A small element builder: text is always text (never parsed as HTML), so data cannot inject markup. */

type Child = Node | string | number | null | undefined | false;
type Attributes = Record<string, string | number | boolean | null | undefined | EventListener>;

/** h('button', {class: 'x', onclick: fn}, 'Label'): attributes, `on*` listeners, children. */
export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K, attributes: Attributes = {}, ...children: (Child | Child[])[]
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === null || value === undefined || value === false) continue;
    if (name.startsWith('on') && typeof value === 'function') {
      element.addEventListener(name.slice(2), value);
    } else if (value === true) {
      element.setAttribute(name, '');
    } else {
      element.setAttribute(name, String(value));
    }
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    element.append(child instanceof Node ? child : String(child));
  }
  return element;
}

/** A view's frame: a header (title, status, actions) and a body; `setState` drives the data-state hook. */
export interface ViewFrame {
  body: HTMLElement;
  status: HTMLElement;
  actions: HTMLElement;
  /** The view's one-line status (also its tooltip, as it may be cut at narrow widths). */
  say(text: string): void;
  setState(state: 'loading' | 'ready' | 'error', count?: number): void;
}

export function viewFrame(root: HTMLElement, title: string): ViewFrame {
  const status = h('span', { class: 'view-status', 'aria-live': 'polite' });
  const actions = h('span', { class: 'view-actions' });
  const body = h('div', { class: 'view-body' });
  root.replaceChildren(h('header', { class: 'view-header' }, h('h2', {}, title), status, actions), body);
  return {
    body, status, actions,
    say(text) {
      status.textContent = text;
      status.title = text;
    },
    setState(state, count) {
      root.dataset.state = state;
      if (count !== undefined) root.dataset.count = String(count);
    },
  };
}

/** A toggle button with aria-pressed. */
export function toggleButton(label: string, pressed: boolean, onToggle: (pressed: boolean) => void): HTMLButtonElement {
  const button = h('button', { type: 'button', class: 'toggle', 'aria-pressed': String(pressed) }, label);
  button.addEventListener('click', () => {
    const next = button.getAttribute('aria-pressed') !== 'true';
    button.setAttribute('aria-pressed', String(next));
    onToggle(next);
  });
  return button;
}

/** Words for an enum value: "armed_forces" → "armed forces". */
export function words(value: string): string {
  return value.replace(/_/g, ' ');
}
