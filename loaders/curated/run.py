"""Load a curated file: read, validate everything, convert, then write (or preview) the rows."""

from __future__ import annotations

from pathlib import Path

from neo4j import Session

from graph.queries.accusation_summary import refresh_accusation_summary
from loaders.curated.convert import to_graph_rows
from loaders.curated.read import read_document
from loaders.curated.rows import GraphRows
from loaders.curated.validate import validate_document
from loaders.curated.write import load_rows
from loaders.errors import InvalidInputError
from loaders.report import LoadReport


def prepare_curated(path: Path) -> GraphRows:
    """The graph rows of a curated file; raise InvalidInputError listing every problem in it."""
    raw = read_document(path)
    document, issues = validate_document(raw)
    rows, link_issues = to_graph_rows(document)
    if issues or link_issues:
        raise InvalidInputError(path, [*issues, *link_issues])
    return rows


def load_curated(
    path: Path, session: Session, *, dry_run: bool = False, batch_size: int = 1000
) -> LoadReport:
    """Load a curated file: all of it if it is valid, nothing if not; a dry run writes nothing."""
    report = load_rows(session, prepare_curated(path), dry_run=dry_run, batch_size=batch_size)
    if not dry_run:
        session.execute_write(refresh_accusation_summary)
    return report
