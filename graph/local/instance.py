"""A named local Neo4j instance (main, test…): its own conf, data, logs, ports and password."""

from __future__ import annotations

import json
import os
import secrets
import socket
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path

from neo4j.exceptions import AuthError, DriverError, Neo4jError
from pydantic import SecretStr

from graph.driver import open_driver
from graph.local.config import render_config
from graph.local.distribution import Distribution
from graph.local.errors import LocalServerError
from graph.local.java import find_java_home
from graph.settings import GraphSettings

DEFAULT_PORTS = {"main": (7687, 7474)}
TEST_PORTS = (7688, 7475)
DEFAULT_MEMORY = {"main": ("2g", "2g")}
SMALL_MEMORY = ("1g", "512m")
BOOT_CLASS = "org.neo4j.server.startup.Neo4jBoot"
ADMIN_CLASS = "org.neo4j.server.startup.Neo4jAdminBoot"
STATUS_NOT_RUNNING = 3


# Everything Neo4j and we write for an instance (store, logs, conf, run, password) is owner-only
# from the moment it exists: the launcher's JVMs inherit this umask.
PRIVATE_UMASK = 0o077
SOURCE_CHECKOUT = Path(__file__).resolve().parents[2]


def project_root() -> Path:
    """Where .neo4j/ lives: CKG_HOME if set, else the checkout `ckg` was installed from (editable)."""
    home = os.environ.get("CKG_HOME")
    if home:
        root = Path(home).expanduser().resolve()
        if not root.is_dir():
            raise LocalServerError(f"CKG_HOME is {home}, which is not a folder: point it at the project.")
        return root
    if (SOURCE_CHECKOUT / "pyproject.toml").is_file() and (SOURCE_CHECKOUT / "graph" / "local").is_dir():
        return SOURCE_CHECKOUT
    raise LocalServerError(
        f"conflictkg is installed in {SOURCE_CHECKOUT}, not in a project checkout, so the local "
        "Neo4j's folder (.neo4j/) is unknown: set CKG_HOME to the project folder (or NEO4J_URI)."
    )


def _private_directory(path: Path) -> None:
    """Create `path` owner-only; an instance made by an older version (0755) is closed once."""
    path.mkdir(mode=0o700, parents=True, exist_ok=True)
    if path.stat().st_mode & 0o077:
        path.chmod(0o700)  # everything below becomes unreachable to others with it


def _write_private(path: Path, text: str) -> None:
    """Write `path` as a new 0600 file (never readable by others, not even for a moment).

    Written beside it and renamed over it, so a file an older version left 0644 is replaced, not
    rewritten in place with its old mode."""
    fresh = path.with_name(f".{path.name}.new")
    fresh.unlink(missing_ok=True)  # a leftover of an interrupted write may carry another mode
    descriptor = os.open(fresh, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(descriptor, "w") as handle:
        handle.write(text)
    os.replace(fresh, path)


def _env_port(name: str, variable: str) -> int | None:
    value = os.environ.get(f"CKG_{name.upper()}_{variable}")
    return int(value) if value else None


@dataclass(frozen=True)
class LocalInstance:
    """One server process over the shared distribution; files under .neo4j/instances/<name>/."""

    name: str
    root: Path
    bolt_port: int
    http_port: int
    heap: str
    pagecache: str

    @classmethod
    def named(cls, name: str) -> LocalInstance:
        """The instance with its ports from the environment, else as first created, else defaults.

        Environment: CKG_MAIN_BOLT_PORT / CKG_MAIN_HTTP_PORT for `main`, CKG_TEST_BOLT_PORT /
        CKG_TEST_HTTP_PORT for any test instance, CKG_NEO4J_HEAP / CKG_NEO4J_PAGECACHE for memory.
        """
        root = project_root() / ".neo4j"
        kind = "main" if name == "main" else "test"
        stored = root / "instances" / name / "instance.json"
        saved = json.loads(stored.read_text()) if stored.exists() else {}
        bolt, http = DEFAULT_PORTS.get(name, TEST_PORTS)
        heap, pagecache = DEFAULT_MEMORY.get(name, SMALL_MEMORY)
        return cls(
            name=name,
            root=root,
            bolt_port=_env_port(kind, "BOLT_PORT") or saved.get("bolt_port", bolt),
            http_port=_env_port(kind, "HTTP_PORT") or saved.get("http_port", http),
            heap=os.environ.get("CKG_NEO4J_HEAP", heap),
            pagecache=os.environ.get("CKG_NEO4J_PAGECACHE", pagecache),
        )

    @property
    def directory(self) -> Path:
        return self.root / "instances" / self.name

    @property
    def distribution(self) -> Distribution:
        return Distribution(self.root)

    @property
    def password_file(self) -> Path:
        return self.directory / "password"

    @property
    def log_file(self) -> Path:
        return self.directory / "logs" / "neo4j.log"

    def settings(self) -> GraphSettings:
        """Connection settings for this instance; the password comes from its git-ignored file."""
        password = self.password_file.read_text().strip() if self.password_file.exists() else ""
        return GraphSettings(
            uri=f"bolt://127.0.0.1:{self.bolt_port}",
            user="neo4j",
            password=SecretStr(password),
            database="neo4j",
        )

    def require_password(self) -> None:
        """Raise LocalServerError naming the password file when the instance was never started."""
        if not self.password_file.exists():
            raise LocalServerError(
                f"Neo4j ({self.name}) has no password file at {self.password_file}: it was never "
                f"started in {self.root.parent}. Run 'ckg db start --instance {self.name}' (or "
                "'make run'), set CKG_HOME to the project that has it, or set NEO4J_URI."
            )

    # --- lifecycle -------------------------------------------------------------------------

    def is_running(self) -> bool:
        """True when Neo4j's own launcher finds this instance's process alive."""
        if not self.distribution.is_installed() or not (self.directory / "conf").exists():
            return False
        return self._boot("status", check=False).returncode != STATUS_NOT_RUNNING

    def start(self, timeout_seconds: float = 180) -> bool:
        """Start in the background and wait until a query runs; False if it was already running."""
        if not self.distribution.is_installed():
            raise LocalServerError("Neo4j is not installed: run 'ckg db install' (or 'make run').")
        if self.is_running():
            return False
        for port in (self.bolt_port, self.http_port):
            _require_free_port(port, self.name)
        self._write_files()
        self._ensure_password()
        self.log_file.unlink(missing_ok=True)  # so a failure shows this start's log, not an old one
        started = self._boot("start", check=False)
        if started.returncode != 0:
            raise LocalServerError(
                f"Neo4j ({self.name}) did not start: {started.stdout.strip()} {started.stderr.strip()}"
                f"\n{self.log_tail()}"
            )
        self._wait_ready(timeout_seconds)
        return True

    def stop(self) -> bool:
        """Stop cleanly (the launcher sends SIGTERM and waits); False if it was not running."""
        if not self.is_running():
            return False
        self._boot("stop", check=True)
        return True

    def log_tail(self, lines: int = 25) -> str:
        """The last lines of this instance's Neo4j log, for error messages."""
        if not self.log_file.exists():
            return f"(no log yet at {self.log_file})"
        text = self.log_file.read_text(errors="replace").splitlines()[-lines:]
        return f"Last lines of {self.log_file}:\n" + "\n".join(text)

    # --- internals -------------------------------------------------------------------------

    def _environment(self) -> dict[str, str]:
        return {
            **os.environ,
            "NEO4J_HOME": str(self.distribution.home),
            "NEO4J_CONF": str(self.directory / "conf"),
            "JAVA_HOME": str(find_java_home()),
        }

    def admin(self, *args: str, timeout: float | None = None) -> subprocess.CompletedProcess[str]:
        """Run `neo4j-admin ARGS` for this instance (its conf and data); the finished process."""
        return self._java(ADMIN_CLASS, *args, check=False, timeout=timeout)

    def _java(
        self, main_class: str, *args: str, check: bool, timeout: float | None = 180
    ) -> subprocess.CompletedProcess[str]:
        env = self._environment()
        command = [f"{env['JAVA_HOME']}/bin/java", "-cp", f"{self.distribution.lib}/*", main_class, *args]
        # Its own session: the server the launcher forks must not get the terminal's Ctrl-C (SIGINT
        # goes to the whole foreground process group, e.g. `make run` and the API).
        done = subprocess.run(
            command, env=env, capture_output=True, text=True, timeout=timeout,
            umask=PRIVATE_UMASK, start_new_session=True,
        )
        if check and done.returncode != 0:
            raise LocalServerError(
                f"'{' '.join(args)}' failed for Neo4j ({self.name}): {done.stdout.strip()} {done.stderr.strip()}"
            )
        return done

    def _boot(self, command: str, *, check: bool) -> subprocess.CompletedProcess[str]:
        return self._java(BOOT_CLASS, command, check=check)

    def _write_files(self) -> None:
        _private_directory(self.directory)
        conf = self.directory / "conf"
        conf.mkdir(mode=0o700, exist_ok=True)
        _write_private(
            conf / "neo4j.conf",
            render_config(
                directory=self.directory,
                bolt_port=self.bolt_port,
                http_port=self.http_port,
                heap=self.heap,
                pagecache=self.pagecache,
            ),
        )
        _write_private(
            self.directory / "instance.json",
            json.dumps({"bolt_port": self.bolt_port, "http_port": self.http_port}) + "\n",
        )

    def _ensure_password(self) -> None:
        """Generate a password and set it before the very first start (the only time Neo4j allows it)."""
        if self.password_file.exists():
            return
        if (self.directory / "data" / "dbms").exists():
            raise LocalServerError(
                f"{self.password_file} is missing but the instance already has data: restore the file, "
                f"or delete {self.directory} to start over with an empty database."
            )
        password = secrets.token_urlsafe(18)
        self._java(ADMIN_CLASS, "dbms", "set-initial-password", password, check=True)
        _write_private(self.password_file, password + "\n")

    def _wait_ready(self, timeout_seconds: float) -> None:
        deadline = time.monotonic() + timeout_seconds
        with open_driver(self.settings()) as driver:
            while True:
                try:
                    driver.verify_connectivity()
                    driver.execute_query("RETURN 1", database_="neo4j")
                    return
                except AuthError as error:
                    raise LocalServerError(
                        f"Neo4j ({self.name}) refused the password in {self.password_file}: {error.message}. "
                        f"Restore the right password there, or delete {self.directory} to start over."
                    ) from error
                except (DriverError, Neo4jError, OSError):
                    if not self.is_running():
                        raise LocalServerError(
                            f"Neo4j ({self.name}) exited while starting.\n{self.log_tail()}"
                        ) from None
                    if time.monotonic() > deadline:
                        raise LocalServerError(
                            f"Neo4j ({self.name}) did not answer on bolt://127.0.0.1:{self.bolt_port} "
                            f"within {timeout_seconds:.0f}s.\n{self.log_tail()}"
                        ) from None
                    time.sleep(0.5)


def _require_free_port(port: int, name: str) -> None:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        # As Neo4j itself does: connections of a just-stopped server linger in TIME_WAIT and must
        # not count as "taken"; a live listener still makes bind fail.
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind(("127.0.0.1", port))
        except OSError:
            variable = "CKG_MAIN" if name == "main" else "CKG_TEST"
            raise LocalServerError(
                f"Port {port} on 127.0.0.1 is taken by another program: stop it, or choose other ports "
                f"with {variable}_BOLT_PORT / {variable}_HTTP_PORT."
            ) from None
