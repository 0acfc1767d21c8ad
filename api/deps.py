"""Request dependencies: one Neo4j session per request, reads bounded by a server-side timeout."""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterator
from typing import Annotated, ParamSpec, TypeVar

from fastapi import Depends, Request
from neo4j import Driver, ManagedTransaction, Session, unit_of_work
from neo4j.exceptions import TransientError

from graph.availability import DatabaseGate
from graph.settings import GraphSettings

P = ParamSpec("P")
T = TypeVar("T")


def get_settings(request: Request) -> GraphSettings:
    return request.app.state.settings


def get_driver(request: Request) -> Driver:
    return request.app.state.driver


class DatabaseDown(Exception):
    """Neo4j was found unreachable and has not answered a probe since: answer 503 at once."""


def get_gate(request: Request) -> DatabaseGate:
    return request.app.state.gate


def get_session(request: Request) -> Iterator[Session]:
    state = request.app.state
    if not state.gate.is_open:
        raise DatabaseDown()
    with state.driver.session(database=state.settings.database) as session:
        yield session


SettingsDep = Annotated[GraphSettings, Depends(get_settings)]
DriverDep = Annotated[Driver, Depends(get_driver)]
SessionDep = Annotated[Session, Depends(get_session)]
GateDep = Annotated[DatabaseGate, Depends(get_gate)]


MEMORY_EXHAUSTED = "Neo.TransientError.General.MemoryPoolOutOfMemoryError"


class QueryTooLarge(Exception):
    """A read needed more transaction memory than the server allows; retrying would not help."""


def _fail_fast(work: Callable[..., T]) -> Callable[..., T]:
    # The driver retries TransientErrors for up to 30 s, but an identical query that ran out of
    # memory will run out again: raise a non-driver error so execute_read gives up at once.
    @functools.wraps(work)
    def guarded(tx: ManagedTransaction, *args: object, **kwargs: object) -> T:
        try:
            return work(tx, *args, **kwargs)
        except TransientError as error:
            if error.code == MEMORY_EXHAUSTED:
                raise QueryTooLarge(str(error.message)) from error
            raise

    return guarded


class Reader:
    """Runs read transaction functions with the request's timeout (routable to cluster followers)."""

    def __init__(self, session: Session, timeout_seconds: float) -> None:
        self.session = session
        self.timeout_seconds = timeout_seconds

    def __call__(
        self, work: Callable[..., T], /, *args: object, **kwargs: object
    ) -> T:
        bounded = unit_of_work(timeout=self.timeout_seconds)(_fail_fast(work))
        return self.session.execute_read(bounded, *args, **kwargs)


def get_reader(session: SessionDep, settings: SettingsDep) -> Reader:
    return Reader(session, settings.query_timeout_seconds)


ReaderDep = Annotated[Reader, Depends(get_reader)]
TxFunction = Callable[[ManagedTransaction], object]
