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

function relationSections(store: Store, relations: ActorRelations): HTMLElement[] {
  const cut = relations.truncated;
  return [
    section('Accusations made', accusationList(store, relations.accusations_made, 'made')),
    section('Accusations received', accusationList(store, relations.accusations_received, 'received')),
    section('Backed by', relationList(store, relations.backers)),
    section('Backs', relationList(store, relations.backs)),
    section('Allies', relationList(store, relations.allies)),
    section('Adversaries', relationList(store, relations.adversaries)),
    cut.length ? h('p', { class: 'muted' }, `Only the first 50 of: ${cut.map(words).join(', ')}.`) : null,
  ].filter((e): e is HTMLElement => e !== null);
}

/** Relations load when the reader opens them (one more request, for those who want it). */
function relationsDisclosure(store: Store, load: () => Promise<ActorRelations>): HTMLElement {
  const body = h('div', { class: 'relations' }, h('p', { class: 'muted' }, 'Loading…'));
  const disclosure = h('details', { class: 'panel-section' }, h('summary', {}, 'Accusations, backers, allies, adversaries'), body);
  disclosure.addEventListener('toggle', () => {
    if (!disclosure.open || body.dataset.loaded) return;
    body.dataset.loaded = 'true';
    load().then((relations) => {
      const sections = relationSections(store, relations);
      body.replaceChildren(...(sections.length ? sections : [h('p', { class: 'muted' }, 'None recorded.')]));
    }, () => {
      delete body.dataset.loaded;
      body.replaceChildren(h('p', { role: 'alert' }, 'Cannot load them now; close and open again to retry.'));
    });
  });
  return disclosure;
}

export function actorPanel(store: Store, actor: ActorProfile, loadRelations: () => Promise<ActorRelations>): HTMLElement[] {
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
    relationsDisclosure(store, loadRelations),
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
