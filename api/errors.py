"""Infrastructure failures and refused input mapped to JSON answers; nothing here leaks a stack trace."""

from __future__ import annotations

import logging

from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse
from neo4j.exceptions import (
    AuthError,
    ClientError,
    ServiceUnavailable,
    SessionExpired,
    TransientError,
)

from api.deps import DatabaseDown, QueryTooLarge

log = logging.getLogger(__name__)
RETRY_AFTER_SECONDS = "10"
# Server codes that say the database (not the request) is the problem: answer 503, not 422.
UNAVAILABLE_CODES = ("DatabaseUnavailable", "DatabaseNotFound", "Neo.ClientError.Security.")
TIMED_OUT_CODES = ("TransactionTimedOut",)


def _unavailable(request: Request, exc: Exception) -> JSONResponse:
    if isinstance(exc, (ServiceUnavailable, SessionExpired)) or _code_in(exc, UNAVAILABLE_CODES):
        request.app.state.gate.close()  # later requests answer at once until Neo4j is back
    if not isinstance(exc, DatabaseDown):  # one line per outage, not one per refused request
        log.warning("Neo4j unavailable for %s: %s", request.url.path, exc)
    return JSONResponse(
        status_code=503,
        content={"detail": "The graph database is unavailable; try again shortly."},
        headers={"Retry-After": RETRY_AFTER_SECONDS},
    )


def _code_in(exc: Exception, fragments: tuple[str, ...]) -> bool:
    code = getattr(exc, "code", None) or ""
    return any(fragment in code for fragment in fragments)


def _client_error(request: Request, exc: Exception) -> JSONResponse:
    """Timeouts → 503; the server's own unavailability → 503; anything else it refused → 422."""
    if _code_in(exc, TIMED_OUT_CODES):
        return JSONResponse(
            status_code=503,
            content={"detail": "The query took too long; narrow it (dates, actors, limit) and retry."},
            headers={"Retry-After": RETRY_AFTER_SECONDS},
        )
    if _code_in(exc, UNAVAILABLE_CODES):
        return _unavailable(request, exc)
    # Every query is fixed text with parameters, so a statement or procedure the server refuses
    # was refused for the values the request sent (too large, too many terms…).
    code = getattr(exc, "code", None) or "Neo.ClientError"
    log.warning("Neo4j refused the input of %s: %s", request.url.path, exc)
    return JSONResponse(
        status_code=422,
        content={
            "detail": [
                {
                    "type": "refused_by_database",
                    "loc": ["query"],
                    "msg": f"The graph database refused these parameters ({code}); simplify them.",
                    "input": None,
                }
            ]
        },
    )


def _too_large(request: Request, exc: Exception) -> JSONResponse:
    log.warning("Query too large for %s: %s", request.url.path, exc)
    return JSONResponse(
        status_code=503,
        content={"detail": "The query is too large for the server's memory; narrow it (dates, actors, "
                 "limit) and retry."},
        headers={"Retry-After": RETRY_AFTER_SECONDS},
    )


def _internal(request: Request, exc: Exception) -> JSONResponse:
    log.exception("Unhandled error for %s", request.url.path)
    return JSONResponse(status_code=500, content={"detail": "Internal error."})


def register_error_handlers(app: FastAPI) -> None:
    """Outages and timeouts → 503 with Retry-After; input the server refused → 422; else a bare 500."""
    for unavailable in (ServiceUnavailable, SessionExpired, TransientError, AuthError, DatabaseDown):
        app.add_exception_handler(unavailable, _unavailable)
    app.add_exception_handler(ClientError, _client_error)
    app.add_exception_handler(QueryTooLarge, _too_large)
    app.add_exception_handler(Exception, _internal)
