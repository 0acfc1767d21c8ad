"""`ckg load PATH`: validate a dataset file and merge it into the graph (`--dry-run`: preview only).

A thin dispatcher: the format comes from `--format` or the file's extension, and each format has
one loader function `(path, session, dry_run) -> LoadReport` in LOADERS.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from enum import StrEnum
from pathlib import Path

import typer
from neo4j import Session
from neo4j.exceptions import AuthError, Neo4jError, ServiceUnavailable
from rich.markup import escape
from rich.table import Table

from cli.console import console, errors, fail
from cli.db import InstanceOption
from cli.load_deletions import delete_provider_file
from cli.load_bulk import load_bulk
from cli.load_providers import (
    AliasesOption,
    BatchSizeOption,
    EncodingOption,
    MaxRejectsOption,
    RejectsOption,
    load_provider_file,
)
from graph.driver import open_driver
from graph.model import Label, RelType
from graph.settings import GraphSettings, resolve_settings
from loaders.bulk.read import BulkInput
from loaders.curated import load_curated
from loaders.errors import InvalidInputError
from loaders.providers.detect import sniff_provider_format, why_unknown
from loaders.report import OUTCOMES, LoadReport


class InputFormat(StrEnum):
    CURATED = "curated"  # conflictkg/curated@1, YAML or JSON
    ACLED = "acled"  # provider formats: streamed by cli/load_providers.py
    GDELT = "gdelt"
    UCDP = "ucdp"
    ACLED_DELETIONS = "acled-deletions"  # ACLED's deletion list: see cli/load_deletions.py


PROVIDER_FORMATS = {InputFormat.ACLED, InputFormat.GDELT, InputFormat.UCDP}


def _curated(path: Path, session: Session, dry_run: bool) -> LoadReport:
    return load_curated(path, session, dry_run=dry_run)


LOADERS: dict[InputFormat, Callable[[Path, Session, bool], LoadReport]] = {
    InputFormat.CURATED: _curated
}
SUFFIX_FORMATS = {
    ".yaml": InputFormat.CURATED,
    ".yml": InputFormat.CURATED,
    ".json": InputFormat.CURATED,
}


def detect_format(path: Path, encoding: str = "utf-8") -> InputFormat | None:
    """The format a provider file's content shows, else the one its extension implies, else None."""
    if path.suffix.lower() not in (".yaml", ".yml"):
        sniffed = sniff_provider_format(path, encoding)
        if sniffed is not None:
            return InputFormat(sniffed)
    return SUFFIX_FORMATS.get(path.suffix.lower())


def print_report(report: LoadReport, title: str, caption: str | None = None) -> None:
    """A table of created / updated / unchanged per label and relationship type, with totals."""
    table = Table(title=title, title_justify="left", caption=caption, caption_justify="left")
    table.add_column("label / type")
    for outcome in OUTCOMES:
        table.add_column(outcome, justify="right")
    for label in sorted(report.nodes, key=list(Label).index):
        table.add_row(f"(:{label})", *(str(report.nodes[label][o]) for o in OUTCOMES))
    for rel_type in sorted(report.relationships, key=list(RelType).index):
        table.add_row(f"[:{rel_type}]", *(str(report.relationships[rel_type][o]) for o in OUTCOMES))
    totals = report.totals()
    table.add_section()
    table.add_row("total", *(str(totals[o]) for o in OUTCOMES))
    console.print(table, highlight=False)


def load_file(
    path: Path, input_format: InputFormat, settings: GraphSettings, *, dry_run: bool
) -> LoadReport:
    """Load one file and print its report; exit 1 listing every problem in the file."""
    try:
        with open_driver(settings) as driver, driver.session(database=settings.database) as session:
            report = LOADERS[input_format](path, session, dry_run)
    except InvalidInputError as error:
        for issue in error.issues:
            errors.print(str(issue), markup=False, highlight=False, soft_wrap=True)
        fail(f"{len(error.issues)} problem(s) in {path}; nothing was written.")
    except AuthError:
        fail(f"Neo4j at {settings.uri} refused the credentials: check NEO4J_USER / NEO4J_PASSWORD.")
    except ServiceUnavailable:
        fail(f"Neo4j at {settings.uri} is not reachable: run 'ckg db start' (or check NEO4J_URI).")
    except Neo4jError as error:  # a file is one transaction: a refusal rolled all of it back
        refusal = escape(f"{error.code}: {error.message}")
        fail(f"Neo4j refused the write ({refusal}); nothing was written.")
    print_report(report, str(path), "Dry run: validated; nothing was written." if dry_run else None)
    return report


def load_datasets(paths: Iterable[Path], instance: str = "main") -> None:
    """Load each file (format from its extension) into the instance; skip missing files."""
    settings = resolve_settings(instance)
    for path in paths:
        input_format = detect_format(path)
        if not path.is_file():
            console.print(f"Skipping {path}: no such file.", highlight=False, soft_wrap=True)
            continue
        if input_format is None:
            fail(f"Cannot tell the format of {path}: {escape(why_unknown(path))}.")
        load_file(path, input_format, settings, dry_run=False)


PathArgument = typer.Argument(
    ...,
    exists=True,
    dir_okay=False,
    readable=True,
    metavar="PATH...",
    help="Dataset file (several with --bulk).",
)
FormatOption = typer.Option(
    None,
    "--format",
    help="The file's format (default: acled/gdelt/ucdp from the content, else from the extension;"
    " .yaml/.yml/.json: curated).",
)
DryRunOption = typer.Option(
    False, "--dry-run", help="Validate, show what would change, write nothing."
)
BulkOption = typer.Option(
    False,
    "--bulk",
    help="Build an EMPTY local database from all the files at once with neo4j-admin import "
    "(server stopped meanwhile); the same graph as loading them one by one.",
)
ReplaceOption = typer.Option(
    False, "--replace", help="With --bulk: delete the local database first if it holds anything."
)
YesOption = typer.Option(False, "--yes", help="With --replace: do not ask before deleting.")


def _chosen_format(path: Path, given: InputFormat | None, encoding: str | None) -> InputFormat:
    """--format, else the format the file shows; exit 1 saying why when it cannot be told."""
    chosen = given or detect_format(path, encoding or "utf-8")
    if chosen is None:
        formats = ", ".join(InputFormat)
        seen = escape(why_unknown(path, encoding or "utf-8"))
        fail(f"Cannot tell the format of {path}: {seen}. Pass --format ({formats}).")
    return chosen


def load(
    paths: list[Path] = PathArgument,
    input_format: InputFormat | None = FormatOption,
    dry_run: bool = DryRunOption,
    bulk: bool = BulkOption,
    replace: bool = ReplaceOption,
    yes: bool = YesOption,
    instance: str = InstanceOption,
    rejects: Path | None = RejectsOption,
    max_rejects: int = MaxRejectsOption,
    batch_size: int = BatchSizeOption,
    aliases: Path | None = AliasesOption,
    encoding: str | None = EncodingOption,
) -> None:
    """Validate a dataset file completely, then merge it into the graph (idempotent); with --bulk,
    build an empty local database from several files at once."""
    if bulk:
        if dry_run or rejects is not None:
            fail("--dry-run and --rejects are not available with --bulk (rejects: <input>.rejects.csv).")
        inputs = [BulkInput(p, _chosen_format(p, input_format, encoding).value) for p in paths]
        load_bulk(
            inputs, instance, replace=replace, yes=yes, aliases=aliases, batch_size=batch_size,
            max_rejects=max_rejects, encoding=encoding or "utf-8",
        )
        return
    if replace or yes:
        fail("--replace and --yes only go with --bulk.")
    if len(paths) != 1:
        fail(f"{len(paths)} files given: load one at a time, or all at once with --bulk.")
    (path,) = paths
    chosen = _chosen_format(path, input_format, encoding)
    if chosen is InputFormat.ACLED_DELETIONS:
        if dry_run:
            fail("--dry-run is not available for acled-deletions.")
        delete_provider_file(
            path,
            resolve_settings(instance),
            rejects=rejects,
            max_rejects=max_rejects,
            batch_size=batch_size,
            encoding=encoding or "utf-8",
        )
        return
    if chosen in PROVIDER_FORMATS:  # streamed, batched, resumable; see cli/load_providers.py
        if dry_run:
            fail("--dry-run is not available for provider formats (acled, gdelt, ucdp).")
        load_provider_file(
            path,
            chosen.value,
            resolve_settings(instance),
            rejects=rejects,  # type: ignore[arg-type]
            max_rejects=max_rejects,
            batch_size=batch_size,
            aliases=aliases,
            encoding=encoding or "utf-8",
        )
        return
    if encoding is not None:
        fail("--encoding is for provider formats (acled, gdelt, ucdp); curated files are UTF-8.")
    load_file(path, chosen, resolve_settings(instance), dry_run=dry_run)
