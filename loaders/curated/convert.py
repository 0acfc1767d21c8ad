"""Turn a validated curated document into graph rows that follow the property contract."""

from __future__ import annotations

from neo4j.spatial import WGS84Point

from graph.model import Label, RelType
from loaders.curated.rows import Evidence, GraphRows, RowBuilder, inherit, props
from loaders.curated.validate import Document
from loaders.errors import Issue, Loc
from schema.curated import ActorRecord, EventRecord, PlaceRecord, SourceRecord, StatementRecord
from schema.curated_links import ActorRelation, Affiliation

# Statement fields holding lists of links, with the relationship each becomes (statement → target).
STATEMENT_LINKS = {
    "accuses": RelType.ACCUSES,
    "warns": RelType.WARNS,
    "appeals_to": RelType.APPEALS_TO,
    "denies": RelType.DENIES,
    "about": RelType.ABOUT,
    "supports": RelType.SUPPORTS,
    "contradicts": RelType.CONTRADICTS,
    "responds_to": RelType.RESPONDS_TO,
}


def _source(b: RowBuilder, loc: Loc, s: SourceRecord, actor_names: dict[str, str]) -> None:
    ev: Evidence = (list(s.sources), s.quote)
    published = s.published.to_properties("published") if s.published else {}
    publisher = actor_names.get(s.publisher) if s.publisher else None
    b.node(
        Label.SOURCE,
        loc,
        props(
            id=s.id,
            source_ids=ev[0],
            quote=s.quote,
            title=s.title,
            kind=s.kind.value,
            publisher=publisher,
            url=s.url,
            language=s.language,
            **published,
        ),
    )
    if s.publisher:
        b.rel(RelType.PUBLISHED_BY, s.id, s.publisher, (*loc, "publisher"), ev)
    for i, cited in enumerate(s.cites):
        b.rel(RelType.CITES, s.id, cited, (*loc, "cites", i), ev)


def _actor(b: RowBuilder, loc: Loc, a: ActorRecord) -> None:
    b.node(
        Label.ACTOR,
        loc,
        props(
            id=a.id,
            source_ids=list(a.sources),
            quote=a.quote,
            name=a.name,
            kind=a.kind.value,
            aliases=list(a.aliases),
            country=a.country,
            description=a.description,
        ),
    )


def _place(b: RowBuilder, loc: Loc, p: PlaceRecord) -> None:
    ev: Evidence = (list(p.sources), p.quote)
    b.node(
        Label.PLACE,
        loc,
        props(
            id=p.id,
            source_ids=ev[0],
            quote=p.quote,
            name=p.name,
            kind=p.kind.value,
            country=p.country,
            latitude=p.latitude,
            longitude=p.longitude,
            point=(
                WGS84Point((p.longitude, p.latitude))
                if p.latitude is not None and p.longitude is not None
                else None
            ),
        ),
    )
    if p.located_in:
        b.rel(RelType.LOCATED_IN, p.id, p.located_in, (*loc, "located_in"), ev)


def _event(b: RowBuilder, loc: Loc, e: EventRecord) -> None:
    ev: Evidence = (list(e.sources), e.quote)
    deaths = e.fatalities
    b.node(
        Label.EVENT,
        loc,
        props(
            id=e.id,
            source_ids=ev[0],
            quote=e.quote,
            title=e.title,
            type=e.type.value,
            summary=e.summary,
            date_note=e.date_note,
            source_url=e.source_url,
            **e.date.item_properties(),
            fatalities_best=deaths.best if deaths else None,
            fatalities_low=deaths.low if deaths else None,
            fatalities_high=deaths.high if deaths else None,
        ),
    )
    if e.place:
        b.rel(RelType.OCCURRED_IN, e.id, e.place, (*loc, "place"), ev)
    for i, p in enumerate(e.participants):
        b.rel(
            RelType.PARTICIPATED_IN,
            p.actor,
            e.id,
            (*loc, "participants", i),
            inherit(p, ev),
            role=p.role.value,
        )
    for i, r in enumerate(e.relations):
        b.rel(
            RelType(r.type.upper()),
            e.id,
            r.target,
            (*loc, "relations", i, "target"),
            inherit(r, ev),
        )


def _statement(b: RowBuilder, loc: Loc, s: StatementRecord) -> None:
    ev: Evidence = (list(s.sources), s.quote)
    dates = s.date.item_properties() if s.date else {}
    b.node(
        Label.STATEMENT,
        loc,
        props(
            id=s.id,
            source_ids=ev[0],
            quote=s.quote,
            stance=s.stance.value,
            text=s.text,
            verbatim=s.verbatim,
            summary=s.summary,
            date_note=s.date_note,
            **dates,
        ),
    )
    speaker_locs = (
        [(*loc, "speaker")]
        if s.speaker
        else [(*loc, "speakers", i) for i in range(len(s.speakers))]
    )
    for speaker, speaker_loc in zip(s.speaker_ids, speaker_locs, strict=True):
        b.rel(RelType.MADE, speaker, s.id, speaker_loc, ev)
    for field, rel_type in STATEMENT_LINKS.items():
        for i, link in enumerate(getattr(s, field)):
            target = getattr(link, "actor", None) or link.target
            extra = {"charge": link.charge} if rel_type is RelType.ACCUSES else {}
            b.rel(rel_type, s.id, target, (*loc, field, i), inherit(link, ev), **extra)
    for i, v in enumerate(s.verdicts):
        dates = v.date.to_properties("date") if v.date else {}
        b.rel(
            RelType.RATED,
            v.by,
            s.id,
            (*loc, "verdicts", i),
            inherit(v, ev),
            rating=v.rating,
            rating_normalized=v.rating_normalized.value,
            **dates,
        )


def _affiliation(b: RowBuilder, loc: Loc, a: Affiliation) -> None:
    valid = a.valid.to_properties("valid") if a.valid else {}
    b.rel(
        RelType.AFFILIATED_WITH,
        a.actor,
        a.of,
        loc,
        (list(a.sources), a.quote),
        role=a.role.value,
        title=a.title,
        **valid,
    )


def _actor_relation(b: RowBuilder, loc: Loc, r: ActorRelation) -> None:
    b.rel(RelType(r.type.upper()), r.from_, r.to, loc, (list(r.sources), r.quote))


def to_graph_rows(document: Document) -> tuple[GraphRows, list[Issue]]:
    """Rows for the document's valid items, and its forbidden or duplicate links."""
    b = RowBuilder(document)
    actors = document.records("actors", ActorRecord)
    actor_names = {actor.id: actor.name for _, actor in actors}
    for loc, source in document.records("sources", SourceRecord):
        _source(b, loc, source, actor_names)
    for loc, actor in actors:
        _actor(b, loc, actor)
    for loc, place in document.records("places", PlaceRecord):
        _place(b, loc, place)
    for loc, event in document.records("events", EventRecord):
        _event(b, loc, event)
    for loc, statement in document.records("statements", StatementRecord):
        _statement(b, loc, statement)
    for loc, affiliation in document.records("affiliations", Affiliation):
        _affiliation(b, loc, affiliation)
    for loc, relation in document.records("relations", ActorRelation):
        _actor_relation(b, loc, relation)
    return b.rows, b.issues
