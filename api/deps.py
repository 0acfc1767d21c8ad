"""Request dependencies: one Neo4j session per request, reads bounded by a server-side timeout."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Annotated, ParamSpec, TypeVar

from fastapi import Depends, Request
from neo4j import Driver, ManagedTransaction, Session, unit_of_work

from graph.settings import GraphSettings

P = ParamSpec("P")
T = TypeVar("T")


def get_settings(request: Request) -> GraphSettings:
    return request.app.state.settings


def get_driver(request: Request) -> Driver:
    return request.app.state.driver


def get_session(request: Request) -> Iterator[Session]:
    state = request.app.state
    with state.driver.session(database=state.settings.database) as session:
        yield session


SettingsDep = Annotated[GraphSettings, Depends(get_settings)]
DriverDep = Annotated[Driver, Depends(get_driver)]
SessionDep = Annotated[Session, Depends(get_session)]


class Reader:
    """Runs read transaction functions with the request's timeout (routable to cluster followers)."""

    def __init__(self, session: Session, timeout_seconds: float) -> None:
        self.session = session
        self.timeout_seconds = timeout_seconds

    def __call__(
        self, work: Callable[..., T], /, *args: object, **kwargs: object
    ) -> T:
        bounded = unit_of_work(timeout=self.timeout_seconds)(work)
        return self.session.execute_read(bounded, *args, **kwargs)


def get_reader(session: SessionDep, settings: SettingsDep) -> Reader:
    return Reader(session, settings.query_timeout_seconds)


ReaderDep = Annotated[Reader, Depends(get_reader)]
TxFunction = Callable[[ManagedTransaction], object]
