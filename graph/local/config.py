"""neo4j.conf for a local instance: loopback only, sized for a 2-core / 24 GiB machine."""

from __future__ import annotations

from pathlib import Path

# The JVM options Neo4j's own launcher ships (server.jvm.additional), minus AlwaysPreTouch to start faster.
# The --add-opens flags matter: without java.nio, index population can stall.
JVM_OPTIONS = (
    "-XX:+UseG1GC",
    "-XX:-OmitStackTraceInFastThrow",
    "-XX:+UnlockExperimentalVMOptions",
    "-XX:+TrustFinalNonStaticFields",
    "-XX:+DisableExplicitGC",
    "-Djdk.nio.maxCachedBufferSize=1024",
    "-Dio.netty.tryReflectionSetAccessible=true",
    "-Djdk.tls.ephemeralDHKeySize=2048",
    "-Djdk.tls.rejectClientInitiatedRenegotiation=true",
    "--add-opens=java.base/java.nio=ALL-UNNAMED",
    "--add-opens=java.base/java.io=ALL-UNNAMED",
    "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
    "-Dlog4j2.disable.jmx=true",
)


def render_config(
    *, directory: Path, bolt_port: int, http_port: int, heap: str, pagecache: str
) -> str:
    """The full neo4j.conf text; regenerated at every start so port or memory changes apply."""
    lines = [
        "# Written by conflictkg (graph/local/config.py) at every start: edit the code, not this file.",
        "server.default_listen_address=127.0.0.1",
        "server.bolt.enabled=true",
        f"server.bolt.listen_address=127.0.0.1:{bolt_port}",
        f"server.bolt.advertised_address=127.0.0.1:{bolt_port}",
        "server.http.enabled=true",
        f"server.http.listen_address=127.0.0.1:{http_port}",
        f"server.http.advertised_address=127.0.0.1:{http_port}",
        "server.https.enabled=false",
        "dbms.security.auth_enabled=true",
        f"server.memory.heap.initial_size={heap}",
        f"server.memory.heap.max_size={heap}",
        f"server.memory.pagecache.size={pagecache}",
        "dbms.usage_report.enabled=false",
        # A ceiling for every transaction; the API sets tighter per-request timeouts.
        "db.transaction.timeout=300s",
        "db.tx_log.rotation.retention_policy=1 days 1G",
        f"server.directories.data={directory / 'data'}",
        f"server.directories.logs={directory / 'logs'}",
        f"server.directories.run={directory / 'run'}",
        f"server.directories.import={directory / 'import'}",
        f"server.directories.plugins={directory / 'plugins'}",
        f"server.directories.licenses={directory / 'licenses'}",
        f"server.directories.transaction.logs.root={directory / 'data' / 'transactions'}",
        *(f"server.jvm.additional={option}" for option in JVM_OPTIONS),
    ]
    return "\n".join(lines) + "\n"
