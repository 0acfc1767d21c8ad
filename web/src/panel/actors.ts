/** The panel for an actor (profile, relations, accusations) and for one accusation edge (its statements). */

import type { AccusationLink, AccusationPage, ActorProfile, ActorRelations, Relation } from '../api';
import { formatDate } from '../dates/format';
import type { Store } from '../state';
import { h, words } from '../ui/dom';
import { actorButton, dateLine, evidence, nodeActions, nodeButton, quote, section, sourceList } from './parts';

function relationList(store: Store, relations: Relation[]): HTMLElement | null {
  return relations.length ? h('ul', {}, relations.map((r) => h('li', {}, actorButton(store, r.actor), evidence(r.evidence)))) : null;
}

function accusationList(store: Store, links: AccusationLink[], direction: 'made' | 'received'): HTMLElement | null {
  return links.length
    ? h('ul', {}, links.map((link) => h('li', {},
        direction === 'made' ? 'accused ' : 'by ', actorButton(store, link.actor),
        link.charge ? ` of ${link.charge}` : '', ': ', nodeButton(store, link.statement))))
    : null;
}

export function actorPanel(store: Store, actor: ActorProfile, relations: ActorRelations | null): HTMLElement[] {
  const cut = relations?.truncated ?? [];
  return [
    h('p', { class: 'kicker' }, `Actor · ${words(actor.kind)}${actor.country ? ` · ${actor.country}` : ''}`),
    h('h2', {}, actor.name),
    actor.aliases.length ? h('p', { class: 'muted' }, `Also: ${actor.aliases.join(', ')}`) : null,
    actor.description ? h('p', {}, actor.description) : null,
    nodeActions(store, 'actor', actor.id),
    section('Affiliations', actor.affiliations.length
      ? h('ul', {}, actor.affiliations.map((a) => h('li', {}, `${a.title ?? words(a.role)} of `, actorButton(store, a.actor),
          a.valid ? h('span', { class: 'muted' }, ` (${formatDate(a.valid)})`) : null, evidence(a.evidence))))
      : null),
    section('Members and officials', actor.affiliates.length
      ? h('ul', {}, actor.affiliates.map((a) => h('li', {}, actorButton(store, a.actor), ` — ${a.title ?? words(a.role)}`)))
      : null),
    relations ? section('Accusations made', accusationList(store, relations.accusations_made, 'made')) : null,
    relations ? section('Accusations received', accusationList(store, relations.accusations_received, 'received')) : null,
    relations ? section('Backed by', relationList(store, relations.backers)) : null,
    relations ? section('Backs', relationList(store, relations.backs)) : null,
    relations ? section('Allies', relationList(store, relations.allies)) : null,
    relations ? section('Adversaries', relationList(store, relations.adversaries)) : null,
    cut.length ? h('p', { class: 'muted' }, `Only the first 50 of: ${cut.map(words).join(', ')}.`) : null,
    section('Sources', sourceList(actor.evidence.sources)),
  ].filter((e): e is HTMLElement => e !== null);
}

export function edgePanel(store: Store, page: AccusationPage, source: string, target: string): HTMLElement[] {
  const first = page.items[0];
  const accuser = first?.accuser.name ?? source;
  const accused = first?.accused.name ?? target;
  return [
    h('p', { class: 'kicker' }, 'Accusations'),
    h('h2', {}, `${accuser} → ${accused}`),
    h('p', {}, `${page.items.length}${page.next_cursor ? '+' : ''} accusation${page.items.length === 1 ? '' : 's'} in this window`),
    h('ol', { class: 'accusations' }, page.items.map((a) => h('li', {},
      dateLine(a.date),
      nodeButton(store, { id: a.statement.id, label: 'Statement', name: a.statement.summary ?? a.statement.id, date: null }),
      a.speakers.length ? h('p', { class: 'muted' }, `Said by ${a.speakers.map((s) => s.name).join(', ')}`) : null,
      a.charge ? h('p', {}, `Charge: ${a.charge}`) : null,
      quote(a.quote ?? a.statement.quote),
      sourceList(a.sources)))),
    h('p', {}, actorButton(store, first?.accuser ?? { id: source, name: source, kind: '' }), ' · ',
      actorButton(store, first?.accused ?? { id: target, name: target, kind: '' })),
  ];
}
