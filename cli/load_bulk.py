"""`ckg load --bulk FILE...`: several files into an empty local database through neo4j-admin import.

Stages, each shown with its own progress line: read/transform (the transactional path's readers and
batch builder, into import CSVs), write files, import (server stopped), start, migrate, finish
(empty lists, orphan actors, curated files: transactionally), link. The database is checked first:
a remote one is refused, a non-empty one too unless --replace (after saying what it deletes).
"""

from __future__ import annotations

import shutil
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TypeVar

import typer
from neo4j.exceptions import Neo4jError
from rich.markup import escape
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    SpinnerColumn,
    TaskID,
    TextColumn,
    TimeElapsedColumn,
)

from cli.console import console, errors, fail
from cli.link import print_link_report
from cli.load_providers import RateColumn, print_provider_report
from graph.driver import open_driver
from graph.local.bulk_import import import_database
from graph.local.errors import LocalServerError
from graph.local.instance import LocalInstance
from graph.migrations import apply_migrations
from graph.queries.accusation_summary import refresh_accusation_summary
from graph.queries.bulk import get_graph_size
from graph.settings import external_server_configured
from linking.records import Windows
from linking.run import relink
from loaders.bulk.files import ARRAY_DELIMITER_OPTION, ImportFiles, UnstorableValue
from loaders.bulk.finish import (
    load_curated_rows,
    remove_orphan_actors,
    remove_orphan_places,
    set_all_empty_lists,
)
from loaders.bulk.merge import BulkGraph
from loaders.bulk.read import CURATED, BulkInput, BulkRead, read_inputs
from loaders.errors import InvalidInputError
from loaders.providers.aliases import DEFAULT_ALIASES, AliasTable
from loaders.providers.detect import count_lines
from loaders.providers.text import WrongFormatError

T = TypeVar("T")


def check_target(local: LocalInstance, *, replace: bool, yes: bool) -> None:
    """Refuse a non-empty database unless --replace, which says what it deletes and asks first."""
    local.start()  # its size can only be asked of a running server (no-op when it runs)
    with open_driver(local.settings()) as driver, driver.session(database="neo4j") as session:
        nodes, relationships = session.execute_read(get_graph_size)
    if nodes == relationships == 0:
        return
    held = f"{nodes:,} nodes and {relationships:,} relationships"
    if not replace:
        fail(
            f"Neo4j ({local.name}) already holds {held}: --bulk only fills an empty database "
            "(add --replace to build a fresh one in its place, or load without --bulk)."
        )
    console.print(
        f"--replace deletes database 'neo4j' of the local instance {local.name} ({held}, in "
        f"{local.directory / 'data'}) and builds a new one from these files.",
        highlight=False,
        soft_wrap=True,
    )
    if not yes and not typer.confirm("Delete it?", default=False):
        fail("Nothing was changed.")


class Stages:
    """One progress line per stage: a bar with rows for reading, a spinner and time for the rest."""

    def __init__(self, progress: Progress) -> None:
        self.progress = progress

    @contextmanager
    def stage(self, name: str, total: int | None = None) -> Iterator[Callable[[int], None]]:
        task: TaskID = self.progress.add_task(name, total=total)
        started = time.perf_counter()
        yield lambda rows: self.progress.advance(task, rows)
        self.progress.update(
            task, total=total or 1, completed=total or 1,
            description=f"{name} ({time.perf_counter() - started:.1f} s)",
        )


def _progress() -> Progress:
    return Progress(
        SpinnerColumn(finished_text="✓"),
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        RateColumn(),
        TimeElapsedColumn(),
        console=console,
    )


def load_bulk(
    inputs: list[BulkInput],
    instance: str,
    *,
    replace: bool,
    yes: bool,
    aliases: Path | None,
    batch_size: int,
    max_rejects: int,
    encoding: str = "utf-8",
) -> BulkRead:
    """Build the local database from the files (see the module docstring); exit non-zero on refusal."""
    if external_server_configured():
        fail(
            "--bulk writes the local database offline; NEO4J_URI points at another server, which it "
            "cannot replace: unset NEO4J_URI, or load without --bulk."
        )
    try:
        table = AliasTable.load(aliases or DEFAULT_ALIASES)
    except (OSError, ValueError) as error:
        fail(f"Cannot read the alias table: {error}")
    local = LocalInstance.named(instance)
    workdir = Path(tempfile.mkdtemp(prefix="bulk-", dir=local.root))
    try:
        check_target(local, replace=replace, yes=yes)
        with _progress() as progress:
            done = _run(Stages(progress), local, inputs, table, workdir, batch_size, encoding)
    except LocalServerError as error:
        fail(escape(str(error)))
    finally:
        shutil.rmtree(workdir, ignore_errors=True)
    for report in done.reports:
        print_provider_report(report)
    if done.linking is not None:
        print_link_report(done.linking)
    too_many = [r for r in done.reports if r.rejected > max_rejects]
    if too_many:
        fail(
            f"{sum(r.rejected for r in too_many)} row(s) rejected in {len(too_many)} file(s) (allowed: "
            f"{max_rejects} per file, see --max-rejects); the other rows were loaded."
        )
    return done


def _run(
    stages: Stages,
    local: LocalInstance,
    inputs: list[BulkInput],
    aliases: AliasTable,
    workdir: Path,
    batch_size: int,
    encoding: str,
) -> BulkRead:
    files = ImportFiles(workdir / "csv")
    graph = BulkGraph(files)
    total = sum(
        max(count_lines(i.path) - (0 if i.format == "gdelt" else 1), 0)
        for i in inputs
        if i.format != CURATED
    )
    try:
        with stages.stage("read/transform", total or None) as advance:
            done = read_inputs(
                inputs, graph, aliases=aliases, batch_size=batch_size, encoding=encoding,
                on_rows=advance,
            )
    except WrongFormatError as error:
        fail(f"{escape(str(error))} Nothing was changed.", code=2)
    except InvalidInputError as error:
        for issue in error.issues:
            errors.print(str(issue), markup=False, highlight=False, soft_wrap=True)
        fail(f"{len(error.issues)} problem(s) in {error.path}; nothing was changed.")
    with stages.stage("write files"):
        try:
            graph.write_shared()  # records were streamed while reading; shared nodes now
        except UnstorableValue as error:
            fail(f"{escape(str(error))}; nothing was changed.")
    with stages.stage("import (server stopped)"):
        local.stop()
        import_database(
            local,
            nodes=files.nodes,
            relationships=files.relationships,
            array_delimiter=ARRAY_DELIMITER_OPTION,
            multiline=files.multiline,
            report_file=workdir / "import.report",
        )
    with stages.stage("start"):
        local.start()
    settings = local.settings()
    with open_driver(settings) as driver:
        with stages.stage("migrate"):
            apply_migrations(driver, settings.database)
        with stages.stage("finish (transactional)"):
            set_all_empty_lists(driver, settings.database, files.empty_lists)
            removed = remove_orphan_actors(driver, settings.database, [r.format for r in done.reports])
            places_removed = remove_orphan_places(driver, settings.database)
            for report in reversed(done.reports):  # the clean-up ran after each format's last file
                report.actors_removed, removed[report.format] = removed.get(report.format, 0), 0
            if done.reports:  # which file's revision left a place empty is not known here
                done.reports[-1].places_removed += places_removed
            try:
                load_curated_rows(driver, settings.database, done.curated)
            except Neo4jError as error:
                fail(f"Neo4j refused a curated file ({escape(error.code or '')}): {escape(error.message or '')}")
        with stages.stage("link incidents"):
            # Everything is new: link the whole graph, as `ckg link` does (default windows).
            done.linking = relink(driver, settings.database, windows=Windows())
        with stages.stage("summarise accusations"), driver.session(database=settings.database) as session:
            session.execute_write(refresh_accusation_summary)
    return done
