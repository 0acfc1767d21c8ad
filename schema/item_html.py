"""HTML snippets of timeline items for clients that render HTML (TimelineJS text, vis tooltips).

Every value from the graph is escaped: titles, quotes and provider notes are data, never markup.
Only http(s) URLs become links.
"""

from __future__ import annotations

from html import escape

from schema.date_words import date_in_words
from schema.dates import FuzzyDate
from schema.references import ActorRole, SourceRef, VerdictRef
from schema.timeline import ItemKind, TimelineItem

GROUP_NAMES = {ItemKind.EVENT: "Events", ItemKind.STATEMENT: "Statements"}


def _link(url: str | None, text: str) -> str:
    if url and url.lower().startswith(("https://", "http://")):
        return f'<a href="{escape(url)}" target="_blank" rel="noopener">{text}</a>'
    return text


def _published(text: str | None) -> str | None:
    if not text:
        return None
    try:
        when = FuzzyDate.parse(text)
    except ValueError:  # free text from an imported graph: shown as it is
        return text
    return date_in_words(when.text, when.start, when.end, when.precision)


def source_credit(source: SourceRef) -> str:
    """The source's title (linked when it has a URL), then publisher and date: a credit line."""
    details = ", ".join(escape(part) for part in (source.publisher, _published(source.published)) if part)
    title = _link(source.url, escape(source.title or source.id))
    return f"{title} ({details})" if details else title


def sources_html(sources: list[SourceRef]) -> str:
    """"Source: …" or "Sources: …; …", or "" when there are none."""
    if not sources:
        return ""
    label = "Source" if len(sources) == 1 else "Sources"
    return f"{label}: " + "; ".join(source_credit(source) for source in sources)


def actors_text(actors: list[ActorRole]) -> str:
    """"Aleksei Erkhov (speaker), Turkey (accused)", escaped."""
    return ", ".join(
        escape(actor.name) + (f" ({escape(actor.role)})" if actor.role else "") for actor in actors
    )


def verdict_text(verdict: VerdictRef) -> str:
    """"Rated Misleading by Polygraph.info", escaped."""
    rating = verdict.rating or verdict.rating_normalized or "without a rating"
    return f"Rated {escape(rating)} by {escape(verdict.by.name)}"


def item_headline(item: TimelineItem) -> str:
    return escape(item.title or item.id)


def item_tooltip(item: TimelineItem) -> str:
    """Title, date in words, summary, actors, verdicts and sources, one per line."""
    lines = [f"<b>{item_headline(item)}</b>"]
    if item.date is not None:
        lines.append(escape(item.date.in_words))
    if item.summary:
        lines.append(escape(item.summary))
    if item.actors:
        lines.append("Actors: " + actors_text(item.actors))
    lines += [verdict_text(verdict) for verdict in item.verdicts]
    if item.sources:
        lines.append(sources_html(item.sources))
    return "<br>".join(lines)
