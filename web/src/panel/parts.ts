/** Pieces every panel uses: sources with links, quotes, dates in words, links to other nodes. */

import type { ActorRef, Evidence, NodeRef, SourceRef } from '../api';
import { dateTextInWords, formatDate } from '../dates/format';
import type { DateInfo } from '../dates/format';
import { chooseActor, select, setPathEnd } from '../state';
import type { NodeKind, Store } from '../state';
import { h, words } from '../ui/dom';

const KIND_OF_LABEL: Record<string, NodeKind> = { Event: 'event', Statement: 'statement', Actor: 'actor', Place: 'place' };

export function kindOfLabel(label: string): NodeKind | null {
  return KIND_OF_LABEL[label] ?? null;
}

/** Only http(s) links are made clickable; anything else stays text. */
function safeUrl(url: string | null): string | null {
  return url && /^https?:\/\//i.test(url) ? url : null;
}

export function section(title: string, ...content: (Node | null)[]): HTMLElement | null {
  const kept = content.filter((c): c is Node => c !== null);
  return kept.length ? h('section', { class: 'panel-section' }, h('h3', {}, title), ...kept) : null;
}

export function dateLine(date: DateInfo | null): HTMLElement | null {
  return date ? h('p', { class: 'date' }, h('time', { datetime: date.start, title: date.text }, formatDate(date))) : null;
}

export function quote(text: string | null | undefined): HTMLElement | null {
  return text ? h('blockquote', {}, text) : null;
}

export function sourceItem(source: SourceRef): HTMLElement {
  const url = safeUrl(source.url);
  const title = source.title ?? source.id;
  return h('li', { class: 'source' },
    url ? h('a', { href: url, target: '_blank', rel: 'noopener noreferrer' }, title) : h('span', {}, title),
    source.publisher ? h('span', { class: 'muted' }, ` — ${source.publisher}`) : null,
    source.published ? h('span', { class: 'muted' }, `, ${formatPublished(source.published)}`) : null);
}

/** A source's `published` text ("2020-02-19/2020-02-29") in words; other forms as written. */
function formatPublished(text: string): string {
  return dateTextInWords(text) ?? text;
}

export function sourceList(sources: SourceRef[]): HTMLElement | null {
  return sources.length ? h('ul', { class: 'sources' }, sources.map(sourceItem)) : null;
}

/** Evidence of a link: its quote and sources, folded so the panel stays short. */
export function evidence(proof: Evidence): HTMLElement | null {
  if (!proof.quote && !proof.sources.length) return null;
  return h('details', { class: 'evidence' }, h('summary', {}, 'Evidence'), quote(proof.quote), sourceList(proof.sources));
}

/** A button that opens another node in the panel (or chooses an actor). */
export function nodeButton(store: Store, node: NodeRef): HTMLElement {
  const kind = kindOfLabel(node.label);
  const label = node.name ?? node.id;
  if (!kind) return h('span', {}, label);
  return h('button', { type: 'button', class: 'link', 'data-id': node.id, onclick: () => select(store, { kind, id: node.id }) },
    label, node.date ? h('span', { class: 'muted' }, ` (${formatDate(node.date)})`) : null);
}

export function actorButton(store: Store, actor: ActorRef, role?: string | null): HTMLElement {
  return h('span', { class: 'actor' },
    h('button', { type: 'button', class: 'link', 'data-id': actor.id, onclick: () => select(store, { kind: 'actor', id: actor.id }) }, actor.name),
    role ? h('span', { class: 'muted' }, ` ${words(role)}`) : null);
}

/** "Filter by this actor" and the path finder's two ends. */
export function nodeActions(store: Store, kind: NodeKind, id: string): HTMLElement {
  return h('p', { class: 'panel-actions' },
    kind === 'actor'
      ? h('button', { type: 'button', onclick: () => chooseActor(store, id) }, 'Filter by this actor')
      : null,
    h('button', { type: 'button', onclick: () => setPathEnd(store, 'from', id) }, 'Path from here'),
    h('button', { type: 'button', onclick: () => setPathEnd(store, 'to', id) }, 'Path to here'));
}
