"""Provider files as text: the encoding checked before any row is read; refusals that say what they saw.

A zip (GDELT publishes `*.export.CSV.zip` and `*.zip`) is read in place, streaming its one data
file: no unzipping by hand, nothing written to disk. Every function here takes the zip's path.
"""

from __future__ import annotations

import codecs
import io
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO, TextIO

CHUNK_BYTES = 1 << 20
HEAD_BYTES = 1 << 16
SIGNATURES = {  # what a binary file starting with these bytes probably is
    b"PK\x03\x04": "a ZIP archive or an .xlsx workbook: export a workbook as CSV; a zipped GDELT "
    "file loads as it is when its name ends in .zip",
    b"\x1f\x8b": "a gzip file: gunzip it first",
    codecs.BOM_UTF16_LE: "UTF-16 text: pass --encoding utf-16",
    codecs.BOM_UTF16_BE: "UTF-16 text: pass --encoding utf-16",
}


class WrongFormatError(Exception):
    """The file is not in the format asked for (or detected); nothing was read from it."""


class EncodingError(WrongFormatError):
    """The file does not decode with the chosen encoding; nothing was read from it."""


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
    """The file's bytes, or those of the one file inside a zip (WrongFormatError for any other zip)."""
    if not is_zip(path):
        with path.open("rb") as stream:
            yield stream
        return
    with zipfile.ZipFile(path) as archive, archive.open(_member(archive, path)) as stream:
        yield stream


def codec_name(encoding: str) -> str:
    """Python's codec for `--encoding` (UTF-8 drops a byte-order mark); LookupError if unknown."""
    name = codecs.lookup(encoding).name
    return "utf-8-sig" if name == "utf-8" else name


@contextmanager
def open_text(path: Path, encoding: str = "utf-8", errors: str = "strict") -> Iterator[TextIO]:
    """The file (or the zip's one file) as text, line endings untouched (the csv module handles them)."""
    with open_binary(path) as raw:
        yield io.TextIOWrapper(raw, encoding=codec_name(encoding), errors=errors, newline="")


def opens_json(text: str) -> bool:
    """True when the text, blanks and a byte-order mark aside, opens a JSON object or array."""
    return text.lstrip("\ufeff \t\r\n")[:1] in ("{", "[")


def is_json_file(path: Path, encoding: str = "utf-8") -> bool:
    """True when the file (or the zip's one file) is JSON rather than delimited text."""
    with open_text(path, encoding, errors="replace") as stream:
        return opens_json(stream.read(64))


def check_encoding(path: Path, encoding: str) -> None:
    """EncodingError naming the line and byte of the first undecodable byte; reads the file once."""
    decoder = codecs.getincrementaldecoder(codec_name(encoding))("strict")
    offset = lines_before = 0
    with open_binary(path) as stream:
        while True:
            chunk = stream.read(CHUNK_BYTES)
            try:
                decoder.decode(chunk, final=not chunk)
            except UnicodeDecodeError as error:
                start = offset - (len(error.object) - len(chunk))  # a split character's bytes first
                raise _undecodable(path, encoding, error, start, lines_before) from None
            if not chunk:
                return
            offset += len(chunk)
            lines_before += chunk.count(b"\n")


def _undecodable(
    path: Path, encoding: str, error: UnicodeDecodeError, start: int, lines_before: int
) -> EncodingError:
    data: bytes = error.object  # the bytes from file offset `start` on
    line = lines_before + data.count(b"\n", 0, error.start) + 1
    line_start = data.rfind(b"\n", 0, error.start) + 1
    line_end = data.find(b"\n", error.start)
    if line_end < 0:
        line_end = len(data)
    context = data[max(line_start, error.start - 30) : min(line_end, error.start + 10)]
    hint = _signature(data) if start == 0 and error.start == 0 else None
    return EncodingError(
        f"{path} is not {codecs.lookup(encoding).name} text: line {line:,} has the byte "
        f"0x{data[error.start]:02X} (file offset {start + error.start:,}, in {context!r}); nothing "
        "was written. "
        + (
            f"It looks like {hint}."
            if hint
            else "If the file is Latin-1 or Windows-1252 (Excel on Windows), load it with "
            "--encoding latin-1 or --encoding cp1252; otherwise re-save it as UTF-8."
        )
    )


def _signature(head: bytes) -> str | None:
    return next((what for magic, what in SIGNATURES.items() if head.startswith(magic)), None)


def describe_start(path: Path, encoding: str = "utf-8") -> str:
    """What the file (or the zip's one file) starts with, in words: empty, binary, no delimiter, or
    its first line."""
    try:
        with open_binary(path) as stream:
            head = stream.read(HEAD_BYTES)
    except WrongFormatError as error:  # a zip of several files
        return str(error).removeprefix(f"{path} ")
    if not head.strip():
        return "an empty file" if not head else "an empty file (only blank lines)"
    nul = head.find(b"\x00")
    if nul >= 0:
        kind = _signature(head)
        return f"binary content (NUL bytes at offset {nul:,}{f'; {kind}' if kind else ''})"
    first = head.lstrip().splitlines()[0].decode(codec_name(encoding), errors="replace")
    shown = repr(first[:100]) + ("…" if len(first) > 100 else "")
    if "," not in first and "\t" not in first:
        what = "semicolon-separated columns" if ";" in first else "no delimiter/columns"
        return f"{what} (not comma- or tab-separated); first line: {shown}"
    return f"first line: {shown}"
