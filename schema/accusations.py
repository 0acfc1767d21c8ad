"""Accusations (who accused whom of what, when, in which statement) and their network."""

from __future__ import annotations

from datetime import date
from enum import StrEnum

from pydantic import BaseModel, ConfigDict, Field

from schema.date_words import date_in_words
from schema.dates import FuzzyDate
from schema.geo import GeoFilter
from schema.references import ActorRef, DateInfo, GraphDate, NodeRef, SourceRef


class Level(StrEnum):
    """actor: as stated; state: individuals and agencies counted as the state or organisation they
    represent (AFFILIATED_WITH roles in ROLLUP_ROLES, ending at a state or intergovernmental org)."""

    ACTOR = "actor"
    STATE = "state"


class AccusationFilter(BaseModel):
    model_config = ConfigDict(frozen=True)

    window_start: date | None = None
    window_end: date | None = None
    accuser_ids: list[str] | None = None
    accused_ids: list[str] | None = None
    charge: str | None = None
    level: Level = Level.ACTOR
    place_id: str | None = None
    datasets: list[str] | None = None  # of the statements: provider names or curated dataset ids
    geo: GeoFilter = GeoFilter()


class AccusationKey(BaseModel):
    """Accusation order: statement date, coarse-first rank, statement id, accuser id, accused id."""

    date: date
    rank: int
    statement_id: str
    accuser_id: str  # "" when the accuser is unknown
    accused_id: str


class AccusationStatement(BaseModel):
    id: str = Field(examples=["stmt:erkhov-blames-turkey"])
    summary: str | None = None
    text: str | None = None
    verbatim: bool | None = None
    quote: str | None = None


class Accusation(BaseModel):
    """One accusation; at level=state `accuser`/`accused` are rolled up, `speakers`/`named` are not."""

    id: str = Field(description="The ACCUSES relationship's id.",
                    examples=["accuses:stmt:erkhov-blames-turkey->actor:turkey"])
    accuser: ActorRef | None = Field(
        description="Who accuses (rolled up at level=state); null when the source does not say who "
        "spoke (then `accuser_unknown` is true)."
    )
    accuser_unknown: bool = Field(
        default=False,
        description="True when the statement's speaker is not identified (e.g. a GDELT row with an "
        "empty Actor1): the accusation, its target, charge and source are known, the accuser is "
        "not. Such rows never match an `accuser` filter and are left out of the network.",
    )
    accused: ActorRef
    speakers: list[ActorRef] = Field(description="Who made the statement, as recorded ([] if unknown).")
    named: ActorRef = Field(description="The accused as the statement names them.")
    charge: str | None = Field(examples=["escalating tensions in northwest Syria"])
    date: DateInfo
    statement: AccusationStatement
    about: list[NodeRef] = Field(description="Events and statements the accusation is about.")
    sources: list[SourceRef]
    quote: str | None = Field(description="The sentence supporting the accusation itself.")


class AccusationPage(BaseModel):
    items: list[Accusation]
    next_cursor: str | None


class NetworkFormat(StrEnum):
    """json: this API's shape; cytoscape: cytoscape.js elements; vis: vis-network nodes and edges."""

    JSON = "json"
    CYTOSCAPE = "cytoscape"
    VIS = "vis"


class AccusationCounts(BaseModel):
    """What an actor said and heard within the returned edges."""

    statements_made: int = Field(description="Distinct statements in which this actor accuses someone.")
    statements_received: int = Field(description="Distinct statements accusing this actor.")
    accusations_made: int = Field(
        description="Rows of /accusations with this actor as accuser: one per statement and actor "
        "accused as named, so a statement naming three actors counts three.",
    )
    accusations_received: int = Field(description="Rows of /accusations with this actor as accused.")


class NetworkNode(ActorRef, AccusationCounts):
    """An actor with what it said and heard within the returned edges."""


class NetworkEdge(BaseModel):
    id: str = Field(examples=["actor:russia->actor:turkey"])
    source: str = Field(description="Accuser actor id.", examples=["actor:russia"])
    target: str = Field(description="Accused actor id.", examples=["actor:turkey"])
    statement_count: int = Field(
        description="Distinct statements in which the source accuses the target (the edge's weight)."
    )
    accusation_count: int = Field(
        description="Rows of /accusations behind the edge: at level=state a statement naming two "
        "actors of one state counts two."
    )
    incident_count: int | None = Field(
        default=None,
        description="With collapse=incidents: distinct incidents behind the edge, statements that "
        "report one incident (GDELT codes a statement once per article) counting once; then the "
        "edge's weight.",
    )
    charges: list[str]
    statements: list[str]
    first_date: DateInfo = Field(description="The date of the first statement, in timeline order.")
    last_date: DateInfo = Field(description="The date of the last statement, in timeline order.")
    mutual: bool = Field(description="The target also accuses the source in the same date window.")

    @property
    def dates_in_words(self) -> str:
        """From the first statement to the last: "November 2019 – February 2020"."""
        left, right = self.first_date.text.split("/")[0], self.last_date.text.split("/")[-1]
        try:
            span = FuzzyDate.parse(left if left == right else f"{left}/{right}")
        except ValueError:  # text not written by FuzzyDate (a graph imported from elsewhere)
            return f"{self.first_date.in_words} to {self.last_date.in_words}"
        return date_in_words(span.text, span.start, span.end, span.precision)


class AccusationNetwork(BaseModel):
    """Directed weighted graph accuser → accused; `truncated` when edges beyond `limit` were dropped."""

    nodes: list[NetworkNode]
    edges: list[NetworkEdge]
    truncated: bool = False
