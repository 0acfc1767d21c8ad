"""Provider files as text streams, zipped or not: GDELT publishes `*.export.CSV.zip` and `*.zip`.

A zip is read in place, streaming its one data file (no unzipping by hand, nothing written to disk).
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO, TextIO

from loaders.providers.tabular import WrongFormatError


def is_zip(path: Path) -> bool:
    return path.suffix.lower() == ".zip" and zipfile.is_zipfile(path)


def _member(archive: zipfile.ZipFile, path: Path) -> zipfile.ZipInfo:
    files = [info for info in archive.infolist() if not info.is_dir()]
    if len(files) != 1:
        names = ", ".join(info.filename for info in files[:5]) or "nothing"
        raise WrongFormatError(
            f"{path} holds {len(files)} files ({names}); a provider zip holds exactly one data file"
        )
    return files[0]


@contextmanager
def open_binary(path: Path) -> Iterator[IO[bytes]]:
    """The file's bytes, or those of the one file inside a zip."""
    if not is_zip(path):
        with path.open("rb") as stream:
            yield stream
        return
    with zipfile.ZipFile(path) as archive, archive.open(_member(archive, path)) as stream:
        yield stream


@contextmanager
def open_text(path: Path) -> Iterator[TextIO]:
    """UTF-8 text (BOM dropped, undecodable bytes replaced), lines kept as they are (newline="")."""
    with open_binary(path) as raw:
        yield io.TextIOWrapper(raw, encoding="utf-8-sig", errors="replace", newline="")
