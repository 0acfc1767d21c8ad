"""Neo4j Community's jars, assembled from Maven Central into .neo4j/dist/<version>/lib."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

from graph.local.errors import LocalServerError
from graph.local.java import find_maven

# 5.26 is the LTS line and the last one that runs on Java 17, this machine's default JDK.
NEO4J_VERSION = "5.26.30"
# Pinned because Maven 3.8's default dependency plugin is too old for copy-dependencies options.
DEPENDENCY_PLUGIN = "org.apache.maven.plugins:maven-dependency-plugin:3.8.1"
# The server entry point plus neo4j-bootcheck, which brings the `neo4j` / `neo4j-admin` boot classes.
POM_TEMPLATE = """<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>local.conflictkg</groupId><artifactId>neo4j-runtime</artifactId><version>1</version>
  <packaging>pom</packaging>
  <dependencies>
    <dependency><groupId>org.neo4j.app</groupId><artifactId>neo4j-server</artifactId><version>{version}</version></dependency>
    <dependency><groupId>org.neo4j</groupId><artifactId>neo4j-bootcheck</artifactId><version>{version}</version></dependency>
  </dependencies>
</project>
"""
COMPLETE_MARKER = "INSTALLED"


class Distribution:
    """One installed Neo4j version; shared by every local instance (main, test)."""

    def __init__(self, root: Path, version: str = NEO4J_VERSION) -> None:
        self.home = root / "dist" / version
        self.version = version

    @property
    def lib(self) -> Path:
        return self.home / "lib"

    def is_installed(self) -> bool:
        """True only after a download that finished: a half-copied lib/ never counts."""
        return (self.home / COMPLETE_MARKER).exists() and self.lib.is_dir()

    def install(self) -> bool:
        """Download the jars unless already installed; True if something was downloaded."""
        if self.is_installed():
            return False
        mvn = find_maven()
        staging = self.home / "lib.partial"
        shutil.rmtree(staging, ignore_errors=True)  # repairs an interrupted earlier download
        staging.mkdir(parents=True)
        pom = self.home / "pom.xml"
        pom.write_text(POM_TEMPLATE.format(version=self.version))
        command = [
            mvn, "-q", "-B", "-f", str(pom), f"{DEPENDENCY_PLUGIN}:copy-dependencies",
            f"-DoutputDirectory={staging}", "-DincludeScope=runtime",
        ]
        done = subprocess.run(command, capture_output=True, text=True)
        if done.returncode != 0:
            tail = "\n".join((done.stdout + done.stderr).strip().splitlines()[-15:])
            raise LocalServerError(
                f"Downloading Neo4j {self.version} from Maven Central failed "
                f"(check the network or ~/.m2/settings.xml, then run 'ckg db install' again):\n{tail}"
            )
        shutil.rmtree(self.lib, ignore_errors=True)
        staging.rename(self.lib)
        (self.home / COMPLETE_MARKER).write_text(self.version + "\n")
        return True
