"""Infrastructure failures mapped to JSON answers; nothing here leaks a stack trace."""

from __future__ import annotations

import logging

from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse
from neo4j.exceptions import AuthError, ClientError, ServiceUnavailable, SessionExpired, TransientError

from api.deps import QueryTooLarge

log = logging.getLogger(__name__)
RETRY_AFTER_SECONDS = "10"


def _unavailable(request: Request, exc: Exception) -> JSONResponse:
    log.warning("Neo4j unavailable for %s: %s", request.url.path, exc)
    return JSONResponse(
        status_code=503,
        content={"detail": "The graph database is unavailable; try again shortly."},
        headers={"Retry-After": RETRY_AFTER_SECONDS},
    )


def _client_error(request: Request, exc: Exception) -> JSONResponse:
    # Transaction timeouts arrive as ClientError with this code: the query was too broad.
    code = getattr(exc, "code", "") or ""
    if "TransactionTimedOut" in code or "TransactionTimedOutClientConfiguration" in code:
        return JSONResponse(
            status_code=503,
            content={"detail": "The query took too long; narrow it (dates, actors, limit) and retry."},
            headers={"Retry-After": RETRY_AFTER_SECONDS},
        )
    log.error("Neo4j client error for %s: %s", request.url.path, exc)
    return JSONResponse(status_code=500, content={"detail": "The graph query failed."})


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
    """Map Neo4j outages and timeouts to 503 with Retry-After; anything unexpected to a bare 500."""
    for unavailable in (ServiceUnavailable, SessionExpired, TransientError, AuthError):
        app.add_exception_handler(unavailable, _unavailable)
    app.add_exception_handler(ClientError, _client_error)
    app.add_exception_handler(QueryTooLarge, _too_large)
    app.add_exception_handler(Exception, _internal)
