"""Date windows read by span class, and the migration that gives stored items their class.

An item overlaps [window_start, window_end] when date_start <= window_end and date_end >=
window_start. Its date_end is at most SPAN_CLASS_MAX_DAYS[c] days after its date_start in span
class c (schema/dates.py), so class c needs reading only from window_start minus that many days:
one branch per class seeks the (date_span_class, date_start) index from its own lower bound,
`$span_lower_<c>` (the unbounded class from `$lower`: the first day or the cursor's).
"""

from __future__ import annotations

from datetime import date, timedelta

from neo4j import ManagedTransaction

from graph.model import DATED_LABELS, Label
from schema.dates import SPAN_CLASS_MAX_DAYS, UNBOUNDED_SPAN_CLASS

SPAN_CLASSES = tuple(range(UNBOUNDED_SPAN_CLASS + 1))


def span_class_expression(start: str, end: str) -> str:
    """Cypher for schema.dates.span_class of two date expressions (literal text, never input)."""
    days = f"duration.inDays({start}, {end}).days"
    bounds = enumerate(SPAN_CLASS_MAX_DAYS)
    cases = " ".join(f"WHEN {days} <= {most} THEN {c}" for c, most in bounds)
    return f"CASE WHEN {start} IS NULL OR {end} IS NULL THEN null {cases} ELSE {UNBOUNDED_SPAN_CLASS} END"


def window_dates(variable: str, span: int | None) -> str:
    """The date condition on `variable`: from `$lower` (span None: the date_start index alone), or
    within span class `span` from `$span_lower_<span>` (the composite index, see the docstring)."""
    v = variable
    lower = "$lower" if span is None else f"$span_lower_{span}"
    in_class = "" if span is None else f"{v}.date_span_class = {span} AND "
    return f"""
    {in_class}{v}.date_start >= {lower} AND {v}.date_start <= $upper
    AND ($window_start IS NULL OR {v}.date_end >= $window_start)"""


def span_order(variable: str, span: int | None) -> str:
    """The ORDER BY prefix of a class's branch: its constant class first, so the composite index's
    order (date_span_class, date_start) is the branch's order and a PartialTop stops early."""
    return "" if span is None else f"{variable}.date_span_class, "


def window_parameters(lower: date, window_start: date | None) -> dict[str, date]:
    """`$span_lower_<c>` for each class: the earliest date_start that may still overlap the window
    (never before `lower`, the first day or the cursor's day)."""
    parameters = {}
    for span in SPAN_CLASSES:
        bound = lower
        if window_start is not None and span < UNBOUNDED_SPAN_CLASS:
            most = SPAN_CLASS_MAX_DAYS[span]
            if (window_start - date.min).days >= most:
                bound = max(lower, window_start - timedelta(days=most))
        parameters[f"span_lower_{span}"] = bound
    return parameters


# Graphs written before span classes existed: each batch sets the class of the next dated items
# without one, in id order from where the last batch stopped (one pass over the id index, so a
# run on a graph with nothing left to do is one read). Idempotent: set classes are not rewritten.
BACKFILL = {
    label: f"""
MATCH (n:{label})
WHERE n.id > $after AND n.date_span_class IS NULL AND n.date_start IS NOT NULL AND n.date_end IS NOT NULL
WITH n ORDER BY n.id LIMIT $batch_size
SET n.date_span_class = {span_class_expression("n.date_start", "n.date_end")}
RETURN count(n) AS count, max(n.id) AS last
"""
    for label in DATED_LABELS
}


def set_span_classes(
    tx: ManagedTransaction, *, label: Label, after: str, batch_size: int
) -> tuple[int, str]:
    """Give up to batch_size dated items after `after` (by id) their span class; (how many, last id)."""
    record = tx.run(BACKFILL[label], after=after, batch_size=batch_size).single(strict=True)
    return record["count"], record["last"] or after
