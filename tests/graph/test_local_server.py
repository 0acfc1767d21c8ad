"""The project's own Neo4j: install and start are idempotent, faults give one clear error."""

from __future__ import annotations

import socket
import subprocess
from dataclasses import replace
from pathlib import Path

import pytest

from graph.local.errors import LocalServerError
from graph.local.instance import LocalInstance

REPO = Path(__file__).resolve().parents[2]


def test_second_install_downloads_nothing(test_instance: LocalInstance | None) -> None:
    if test_instance is None:
        pytest.fail("needs the local test instance (unset CKG_TEST_NEO4J_URI)")
    assert test_instance.distribution.is_installed()
    assert test_instance.distribution.install() is False


def test_start_when_running_says_so(test_instance: LocalInstance) -> None:
    assert test_instance.is_running()
    assert test_instance.start() is False


def test_password_is_generated_and_not_a_default(test_instance: LocalInstance) -> None:
    password = test_instance.password_file.read_text().strip()
    assert len(password) >= 20
    assert password not in {"neo4j", "password"}
    assert test_instance.password_file.stat().st_mode & 0o077 == 0


def test_config_binds_loopback_only(test_instance: LocalInstance) -> None:
    conf = (test_instance.directory / "conf" / "neo4j.conf").read_text()
    assert "server.default_listen_address=127.0.0.1" in conf
    assert f"server.bolt.listen_address=127.0.0.1:{test_instance.bolt_port}" in conf
    assert "dbms.security.auth_enabled=true" in conf


def test_start_on_a_taken_port_fails_with_a_clear_message(
    test_instance: LocalInstance, tmp_path: Path
) -> None:
    with socket.socket() as holder:
        holder.bind(("127.0.0.1", 0))
        holder.listen()
        taken = holder.getsockname()[1]
        other = replace(test_instance, name="porttaken", root=tmp_path, bolt_port=taken)
        # Share the real distribution so the check reaches the port test, not "not installed".
        (tmp_path / "dist").symlink_to(test_instance.root / "dist")
        with pytest.raises(LocalServerError, match=f"Port {taken} .* is taken"):
            other.start()


def test_start_without_install_tells_what_to_run(tmp_path: Path) -> None:
    missing = LocalInstance("nowhere", tmp_path, 1, 2, "1g", "512m")
    with pytest.raises(LocalServerError, match="ckg db install"):
        missing.start()


def _ckg_elsewhere(*args: str, cwd: Path, **env: str) -> subprocess.CompletedProcess[str]:
    """`ckg` run from a folder outside the project, with a bare environment plus `env`."""
    return subprocess.run(
        [str(REPO / ".venv" / "bin" / "ckg"), *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        env={"PATH": "/usr/bin:/bin", "HOME": str(cwd), **env},
        timeout=120,
    )


def test_cli_status_of_a_stopped_instance_exits_3(tmp_path: Path, test_instance: LocalInstance) -> None:
    # An empty CKG_HOME: the distribution is not installed there.
    done = _ckg_elsewhere("db", "status", cwd=tmp_path, CKG_HOME=str(tmp_path))
    assert done.returncode == 3
    assert f"not installed in {tmp_path}" in done.stdout


def test_cli_finds_the_project_from_any_folder(tmp_path: Path, test_instance: LocalInstance) -> None:
    # Issue 12: outside the project `db status` said "not installed" while the server ran.
    done = _ckg_elsewhere("db", "status", "--instance", test_instance.name, cwd=tmp_path)
    assert done.returncode == 0, done.stdout + done.stderr
    assert f"Neo4j ({test_instance.name}) is running at bolt://127.0.0.1:{test_instance.bolt_port}" in done.stdout


def test_cli_load_from_any_folder_uses_the_project_instance(
    tmp_path: Path, test_instance: LocalInstance
) -> None:
    seed = REPO / "data" / "seed" / "idlib-2018-2020.yaml"
    done = _ckg_elsewhere("load", str(seed), "--dry-run", "--instance", test_instance.name, cwd=tmp_path)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "Dry run" in done.stdout


def test_cli_names_what_it_could_not_find(tmp_path: Path) -> None:
    missing = tmp_path / "nowhere"
    done = _ckg_elsewhere("db", "status", cwd=tmp_path, CKG_HOME=str(missing))
    assert done.returncode == 1
    assert f"CKG_HOME is {missing}, which is not a folder" in done.stderr
    done = _ckg_elsewhere("load", str(REPO / "data" / "seed" / "idlib-2018-2020.yaml"),
                          "--instance", "never-started", cwd=tmp_path)
    assert done.returncode == 1
    assert "Neo4j (never-started) has no password file at" in done.stderr
    assert "credentials" not in done.stderr


def test_instance_files_are_owner_only(test_instance: LocalInstance) -> None:
    assert test_instance.directory.stat().st_mode & 0o777 == 0o700
    for private in (test_instance.password_file, test_instance.directory / "conf" / "neo4j.conf"):
        assert private.stat().st_mode & 0o077 == 0, private
