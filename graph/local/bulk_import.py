"""`neo4j-admin database import full` into a stopped local instance: local-only by nature."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from graph.local.errors import LocalServerError
from graph.local.instance import LocalInstance

OUTPUT_LINES = 25


def import_database(
    instance: LocalInstance,
    *,
    nodes: Sequence[Path],
    relationships: Sequence[Path],
    array_delimiter: str,
    multiline: bool,
    report_file: Path,
    database: str = "neo4j",
) -> str:
    """Replace `database` of the stopped instance by the files' graph; its output, else LocalServerError."""
    if instance.is_running():
        raise LocalServerError(f"Neo4j ({instance.name}) is running: stop it before an offline import.")
    done = instance.admin(
        "database", "import", "full", database,  # before the file lists, which take any arity
        "--overwrite-destination=true",
        f"--array-delimiter={array_delimiter}",
        # Reading multi-line fields cannot be split across threads: only when some text needs it.
        f"--multiline-fields={str(multiline).lower()}",
        "--bad-tolerance=0",  # a relationship to a missing node is a bug here, never skipped
        f"--report-file={report_file}",
        *(f"--nodes={path}" for path in nodes),
        *(f"--relationships={path}" for path in relationships),
    )
    output = (done.stdout + done.stderr).strip()
    if done.returncode != 0:
        tail = "\n".join(output.splitlines()[-OUTPUT_LINES:])
        raise LocalServerError(f"neo4j-admin import into Neo4j ({instance.name}) failed:\n{tail}")
    return output
