"""Finding the JDK and Maven the local Neo4j needs."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

from graph.local.errors import LocalServerError

# Neo4j 5.26 LTS runs on Java 17 (and 21); the machine's default JDK is 17.
REQUIRED_JAVA_MAJOR = 17
KNOWN_JAVA_HOMES = ("/usr/lib/jvm/java-17-openjdk-amd64", "/usr/lib/jvm/java-17-openjdk-arm64")


def _java_major(java: Path) -> int | None:
    try:
        out = subprocess.run([str(java), "-version"], capture_output=True, text=True, timeout=30)
    except OSError:
        return None
    for token in out.stderr.split():
        token = token.strip('"')
        if token[:2].isdigit():
            return int(token.split(".")[0])
    return None


def find_java_home() -> Path:
    """A JAVA_HOME whose java is version 17; raise LocalServerError naming what to install."""
    candidates = [os.environ.get("CKG_JAVA_HOME"), os.environ.get("JAVA_HOME"), *KNOWN_JAVA_HOMES]
    on_path = shutil.which("java")
    if on_path:
        candidates.append(str(Path(on_path).resolve().parent.parent))
    for home in filter(None, candidates):
        java = Path(home) / "bin" / "java"
        if java.exists() and _java_major(java) == REQUIRED_JAVA_MAJOR:
            return Path(home)
    raise LocalServerError(
        "Java 17 not found (Neo4j 5.26 needs it): install it with "
        "'apt-get install openjdk-17-jre-headless' or set CKG_JAVA_HOME to a Java 17 home."
    )


def find_maven() -> str:
    """The mvn executable; raise LocalServerError naming what to install."""
    mvn = shutil.which("mvn")
    if mvn is None:
        raise LocalServerError(
            "Maven not found (it downloads Neo4j from Maven Central): install it with 'apt-get install maven'."
        )
    return mvn
