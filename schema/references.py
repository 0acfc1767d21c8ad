"""Small shared API shapes: references to actors, places, sources and nodes, dates with precision."""

from __future__ import annotations

from datetime import date
from typing import Annotated

from pydantic import BaseModel, BeforeValidator, Field

from schema.date_words import date_in_words
from schema.dates import DatePrecision


def _native(value: object) -> object:
    """neo4j.time values → stdlib ones (duck-typed, so schema/ stays driver-free)."""
    to_native = getattr(value, "to_native", None)
    return to_native() if callable(to_native) else value


GraphDate = Annotated[date, BeforeValidator(_native)]


class DateInfo(BaseModel):
    """A date as recorded: its text, first and last possible day, and precision."""

    text: str = Field(examples=["2020-02"])
    start: GraphDate = Field(examples=["2020-02-01"])
    end: GraphDate = Field(examples=["2020-02-29"])
    precision: DatePrecision = Field(examples=["month"])

    @property
    def in_words(self) -> str:
        """"February 2020", "17–18 February 2020", "2000 – February 2020": for display."""
        return date_in_words(self.text, self.start, self.end, self.precision)


class ActorRef(BaseModel):
    id: str = Field(examples=["actor:aleksei-erkhov"])
    name: str = Field(examples=["Aleksei Erkhov"])
    kind: str = Field(examples=["person"])


class ActorRole(ActorRef):
    """An actor in an item: a participant role (perpetrator, party, …) or speaker/accused/warned/appealed_to."""

    role: str | None = Field(default=None, examples=["speaker"])


class PlaceRef(BaseModel):
    id: str = Field(examples=["place:idlib-province"])
    name: str = Field(examples=["Idlib Province"])


class SourceRef(BaseModel):
    id: str = Field(examples=["src:polygraph-erkhov-2020"])
    title: str | None = None
    publisher: str | None = None
    url: str | None = None
    published: str | None = None


class VerdictRef(BaseModel):
    """A fact-check verdict on a statement: who rated it, in their words and normalised, and when."""

    by: ActorRef
    rating: str | None = Field(examples=["Misleading"])
    rating_normalized: str | None = Field(examples=["misleading"])
    date: DateInfo | None = None


class Evidence(BaseModel):
    """Why a fact is in the graph: the sources that state it and the supporting sentence."""

    sources: list[SourceRef] = []
    quote: str | None = None


class NodeRef(BaseModel):
    """Any node by id: its label, its name or title, its date when it has one."""

    id: str = Field(examples=["event:2019-04-syrian-offensive"])
    label: str = Field(examples=["Event"])
    name: str | None = Field(default=None, examples=["Syrian government offensive in Idlib"])
    date: DateInfo | None = None
