/** The panel for an event or a statement: what happened or was said, by whom, on what evidence. */

import type { EventDetail, RelatedNode, StatementDetail } from '../api';
import { formatDate } from '../dates/format';
import { select, setFilters } from '../state';
import type { Store } from '../state';
import { h, words } from '../ui/dom';
import { actorButton, dateLine, evidence, nodeActions, nodeButton, quote, section, sourceList } from './parts';

function relatedList(store: Store, links: RelatedNode[]): HTMLElement | null {
  return links.length
    ? h('ul', {}, links.map((link) => h('li', {},
        h('span', { class: 'rel' }, `${words(link.relationship.toLowerCase())}${link.direction === 'in' ? ' (from)' : ''} `),
        nodeButton(store, link.node), evidence(link.evidence))))
    : null;
}

export function eventPanel(store: Store, event: EventDetail): HTMLElement[] {
  const fatalities = event.fatalities_best ?? null;
  const reports = event.incident?.other_reports ?? [];
  return [
    h('p', { class: 'kicker' }, `Event${event.type ? ` · ${words(event.type)}` : ''}${event.dataset ? ` · ${event.dataset}` : ''}`),
    h('h2', {}, event.title ?? event.id),
    dateLine(event.date),
    event.place ? h('p', {}, 'Place: ', h('button', { type: 'button', class: 'link', title: 'Filter every view by this place', onclick: () => setFilters(store, { place: event.place!.id }) }, event.place.name)) : null,
    fatalities !== null ? h('p', {}, `Fatalities: ${fatalities}${event.fatalities_low !== null && event.fatalities_high !== null ? ` (${event.fatalities_low}–${event.fatalities_high})` : ''}`) : null,
    event.summary ? h('p', {}, event.summary) : null,
    quote(event.quote),
    section('Sources', sourceList(event.sources),
      event.source_url && /^https?:/i.test(event.source_url) ? h('p', {}, h('a', { href: event.source_url, target: '_blank', rel: 'noopener noreferrer' }, 'Provider’s source article')) : null),
    section('Participants', event.participants.length
      ? h('ul', {}, event.participants.map((p) => h('li', {}, actorButton(store, p.actor, p.role), evidence(p.evidence))))
      : null),
    section('Statements about it', event.statements.length
      ? h('ul', {}, event.statements.map((s) => h('li', {},
          h('span', { class: 'rel' }, `${words(s.relationship.toLowerCase())}: `), nodeButton(store, s.statement),
          s.speakers.length ? h('span', { class: 'muted' }, ` — ${s.speakers.map((a) => a.name).join(', ')}`) : null)))
      : null),
    section('Related events', relatedList(store, event.related)),
    section('Other reports of this incident', reports.length
      ? h('ul', {}, reports.map((r) => h('li', {},
          h('button', { type: 'button', class: 'link', onclick: () => select(store, { kind: 'event', id: r.id }) }, r.title ?? r.id),
          h('span', { class: 'muted' }, ` ${r.dataset ?? ''} · match ${Math.round(r.link.score * 100)}%${r.link.reasons.length ? ` · ${r.link.reasons.join(', ')}` : ''}`))))
      : null),
    nodeActions(store, 'event', event.id),
  ].filter((e): e is HTMLElement => e !== null);
}

export function statementPanel(store: Store, statement: StatementDetail): HTMLElement[] {
  const speakers = statement.actors.filter((a) => a.role === 'speaker');
  return [
    h('p', { class: 'kicker' }, `Statement${statement.stance ? ` · ${words(statement.stance)}` : ''}${statement.verbatim ? ' · verbatim' : ''}`),
    h('h2', {}, statement.title ?? statement.id),
    dateLine(statement.date),
    speakers.length ? h('p', {}, 'By ', ...speakers.flatMap((a, i) => [i ? ', ' : '', actorButton(store, a)])) : null,
    statement.summary ? h('p', { class: statement.verbatim ? 'verbatim' : '' }, statement.verbatim ? `“${statement.summary}”` : statement.summary) : null,
    quote(statement.quote),
    section('Sources', sourceList(statement.sources)),
    section('Fact-check verdicts', statement.verdicts.length
      ? h('ul', { class: 'verdicts' }, statement.verdicts.map((v) => h('li', {},
          h('strong', { class: `verdict verdict-${v.rating_normalized ?? 'unrated'}` }, v.rating ?? 'Rated'),
          ' by ', actorButton(store, v.by), v.date ? h('span', { class: 'muted' }, `, ${formatDate(v.date)}`) : null,
          evidence(v.evidence))))
      : null),
    section('Targets', statement.targets.length
      ? h('ul', {}, statement.targets.map((t) => h('li', {},
          h('span', { class: 'rel' }, `${words(t.relationship.toLowerCase())} `), actorButton(store, t.actor),
          t.charge ? h('span', {}, ` of ${t.charge}`) : null, evidence(t.evidence))))
      : null),
    section('About', relatedList(store, statement.subjects)),
    section('Supported by', relatedList(store, statement.supported_by)),
    section('Supports', relatedList(store, statement.supports)),
    section('Contradicted by', relatedList(store, statement.contradicted_by)),
    section('Contradicts', relatedList(store, statement.contradicts)),
    section('Responses', relatedList(store, statement.responses)),
    nodeActions(store, 'statement', statement.id),
  ].filter((e): e is HTMLElement => e !== null);
}
