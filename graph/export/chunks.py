"""Turn many small strings into few UTF-8 chunks, so streamed responses are not byte-by-byte."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

CHUNK_BYTES = 1 << 16


def encoded(parts: Iterable[str], size: int = CHUNK_BYTES) -> Iterator[bytes]:
    """The parts' UTF-8 bytes, concatenated and cut into chunks of about `size` bytes."""
    buffer: list[bytes] = []
    held = 0
    for part in parts:
        data = part.encode("utf-8")
        buffer.append(data)
        held += len(data)
        if held >= size:
            yield b"".join(buffer)
            buffer, held = [], 0
    if buffer:
        yield b"".join(buffer)
