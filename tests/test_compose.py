"""docker-compose.yml: no password on a command line, the API protected by keys from the environment."""

from __future__ import annotations

from pathlib import Path

import yaml

COMPOSE = yaml.safe_load((Path(__file__).resolve().parents[1] / "docker-compose.yml").read_text())


def test_healthcheck_passes_no_password_on_the_command_line() -> None:
    command = " ".join(COMPOSE["services"]["neo4j"]["healthcheck"]["test"])
    shell_words = command.split("cypher-shell", 1)[1]  # what cypher-shell gets as arguments
    assert "NEO4J_PASSWORD=" in command
    assert " -p " not in shell_words and "--password" not in shell_words and "NEO4J_AUTH" not in shell_words


def test_api_requires_keys_from_the_environment() -> None:
    environment = COMPOSE["services"]["api"]["environment"]
    assert environment["CKG_API_KEYS"] == "${CKG_API_KEYS:?set CKG_API_KEYS}"
    assert environment["CKG_API_HOST"] == "0.0.0.0"
    assert all(port.startswith("127.0.0.1:") for port in COMPOSE["services"]["api"]["ports"])
