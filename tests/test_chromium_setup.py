"""tests/browser/ensure-chromium.sh: a missing Chromium fails `make test`; only an explicit opt-out skips."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

ENSURE = Path(__file__).resolve().parent / "browser" / "ensure-chromium.sh"


def _ensure(**environment: str) -> subprocess.CompletedProcess[str]:
    env = {"PATH": os.environ["PATH"], **environment}
    return subprocess.run(["/bin/sh", str(ENSURE)], env=env, capture_output=True, text=True, timeout=60)


def test_no_chromium_and_no_way_to_install_one_fails_saying_what_to_do(tmp_path: Path) -> None:
    result = _ensure(PATH=str(tmp_path))  # neither chromium nor apt-get on PATH
    assert result.returncode == 1
    assert "CKG_CHROMIUM=" in result.stderr and "CKG_SKIP_BROWSER=1" in result.stderr


def test_a_chromium_path_that_is_not_a_program_fails_saying_so(tmp_path: Path) -> None:
    result = _ensure(CKG_CHROMIUM=str(tmp_path / "chromium"))
    assert result.returncode == 1
    assert "is not an executable file" in result.stderr


def test_a_chromium_path_that_is_a_program_is_used(tmp_path: Path) -> None:
    program = tmp_path / "chromium"
    program.write_text("#!/bin/sh\n")
    program.chmod(0o755)
    assert _ensure(CKG_CHROMIUM=str(program)).returncode == 0


def test_the_explicit_opt_out_needs_no_chromium(tmp_path: Path) -> None:
    result = _ensure(CKG_SKIP_BROWSER="1", CKG_CHROMIUM=str(tmp_path / "missing"))
    assert result.returncode == 0
    assert "browser tests will be skipped" in result.stderr
