"""Slots: a fixed number of concurrent holders (exports), refused at once rather than queued."""

from __future__ import annotations

import ctypes
import ctypes.util
import gc
import threading
from collections.abc import Iterable, Iterator


def return_memory_to_the_system() -> None:
    """Collect garbage and hand freed heap pages back to the OS (glibc keeps them otherwise)."""
    gc.collect()
    libc_name = ctypes.util.find_library("c")
    if libc_name:
        trim = getattr(ctypes.CDLL(libc_name), "malloc_trim", None)
        if trim is not None:
            trim(0)


class Slot:
    """One taken slot; release() is idempotent, so a stream's end and a backstop may both call it."""

    def __init__(self, free: threading.BoundedSemaphore, trim_memory: bool) -> None:
        self._free = free
        self._trim_memory = trim_memory
        self._lock = threading.Lock()
        self._held = True

    def release(self) -> None:
        with self._lock:
            if not self._held:
                return
            self._held = False
        self._free.release()
        if self._trim_memory:
            return_memory_to_the_system()

    def hold_while(self, chunks: Iterable[bytes]) -> Iterator[bytes]:
        """The chunks; the slot is released when they end, fail or the consumer goes away."""
        try:
            yield from chunks
        finally:
            self.release()


class Slots:
    """At most `size` slots taken at once."""

    def __init__(self, size: int) -> None:
        self.size = size
        self._free = threading.BoundedSemaphore(size)

    def try_take(self, *, trim_memory: bool = False) -> Slot | None:
        """A slot, or None when all are taken (never waits)."""
        return Slot(self._free, trim_memory) if self._free.acquire(blocking=False) else None
