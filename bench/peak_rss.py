"""The peak resident memory of this process, for benchmarks that load in a child process.

VmHWM from /proc, not the parent's wait4 ru_maxrss: Linux keeps the peak of the forking process
across exec in ru_maxrss, so a child forked by a parent holding 300 MiB reported at least 300 MiB
whatever it used itself (the linking benchmark showed 360 MiB for a relink that peaks at ~160).
"""

from __future__ import annotations

from pathlib import Path


def peak_rss_mib() -> float:
    """This process's peak resident set size in MiB (Linux)."""
    status = Path("/proc/self/status").read_text().splitlines()
    return next(int(line.split()[1]) for line in status if line.startswith("VmHWM:")) / 1024
