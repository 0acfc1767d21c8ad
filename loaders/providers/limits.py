"""The caps of a provider load, each where it is for a reason (README: Provider data → Bad rows)."""

from __future__ import annotations

# csv's default cell limit (131,072 characters) aborted a whole load with no line number. Real cells
# are far smaller (ACLED notes run to ~2,000 characters); a larger one is a reject, not a crash.
MAX_CELL_CHARS = 1 << 20
# One physical line is read at most this far (several maximal cells): an endless line cannot
# exhaust memory; the rest of it is skipped and the line rejected.
MAX_LINE_CHARS = 4 << 20
# Neo4j's range indexes refuse keys over ~8 KB ("Property value is too large to index"). Ids and
# actor names are indexed and relationship ids add a prefix to a row's id: half the limit leaves room.
MAX_KEY_BYTES = 4000
# Neo4j stores 64-bit integers; a larger one fails the whole write transaction.
INT64_MIN, INT64_MAX = -(1 << 63), (1 << 63) - 1
# Values quoted in a rejects file (and kept in memory until written) are cut to this many characters.
MAX_QUOTED_CHARS = 200


def excerpt(text: str, keep: int = MAX_QUOTED_CHARS) -> str:
    """The text, or its start and its length when it is longer than `keep` characters."""
    if len(text) <= keep:
        return text
    return f"{text[:keep]}… ({len(text):,} characters)"


def utf8_size(text: str) -> int:
    """Bytes of the text in UTF-8 (what the server counts), without encoding short texts."""
    return len(text) if text.isascii() else len(text.encode("utf-8", "surrogatepass"))
