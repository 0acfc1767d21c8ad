"""Controlled vocabularies: actor kinds, event types, stances, roles, verdict ratings, source kinds.

Event types and stances carry their crosswalk to ACLED (event_type / sub_event_type), CAMEO
(root or full codes) and PLOVER, so every loader maps onto the same words. Crosswalks follow
../shared/DOMAIN.md; CAMEO code lists are the CAMEO 1.1b3 manual's.
"""

from __future__ import annotations

from enum import StrEnum


class ActorKind(StrEnum):
    STATE = "state"  # a country as an actor (Turkey, Russia)
    GOVERNMENT = "government"  # a government or its executive (Syrian government, the Kremlin)
    ARMED_FORCES = "armed_forces"  # a state's military
    ARMED_GROUP = "armed_group"  # non-state armed group (rebels, ISIS)
    INTERGOVERNMENTAL_ORG = "intergovernmental_org"  # UN, NATO
    GOVERNMENT_AGENCY = "government_agency"  # ministries, security services, presidency
    PERSON = "person"
    MEDIA_OUTLET = "media_outlet"
    RESEARCH_GROUP = "research_group"  # investigative journalists, monitors
    NGO = "ngo"
    CIVILIANS = "civilians"
    POLITICAL_PARTY = "political_party"
    OTHER = "other"


class EventType(StrEnum):
    """What happened. Comment: ACLED sub_event_type | CAMEO codes | PLOVER type."""

    AGREEMENT = "agreement"  # Strategic developments/Agreement | 057, 06 | AGREE
    CEASEFIRE = "ceasefire"  # Strategic developments/Agreement (truce) | 0871 | AGREE
    NEGOTIATION = "negotiation"  # — | 04 (040–046) | CONSULT
    OFFENSIVE = "offensive"  # Battles/Government regains territory, Non-state actor overtakes territory | 192 | SEIZE
    ARMED_CLASH = "armed_clash"  # Battles/Armed clash | 19, 190, 193 | FIGHT
    AIRSTRIKE = "airstrike"  # Explosions/Remote violence/Air/drone strike | 195 | FIGHT (aerial)
    SHELLING = "shelling"  # Explosions/Remote violence/Shelling/artillery/missile attack | 194 | FIGHT
    EXPLOSION = "explosion"  # Remote explosive/landmine/IED, Suicide bomb, Grenade, Chemical weapon | 183, 204 | ASSAULT
    ATTACK_ON_CIVILIANS = "attack_on_civilians"  # Violence against civilians/* | 18, 180–182, 186 | ASSAULT
    MASS_VIOLENCE = "mass_violence"  # — | 20 | ASSAULT
    CASUALTIES = "casualties"  # deaths reported without a known attack (e.g. troop deaths disclosed) | — | —
    MILITARY_DEPLOYMENT = "military_deployment"  # Headquarters or base established | 15 | MOBILIZE
    WITHDRAWAL = "withdrawal"  # Non-violent transfer of territory | 087, 0874 | RETREAT
    ARREST = "arrest"  # Strategic developments/Arrests | 173 | ARREST
    COERCION = "coercion"  # Looting/property destruction | 17 (not 173) | COERCE
    SANCTION = "sanction"  # — | 16 | SANCTION
    AID = "aid"  # — | 07 | AID
    COOPERATION = "cooperation"  # — | 05 (not 051, 057), 06 | COOPERATE
    PROTEST = "protest"  # Protests/* | 14 (not 145) | PROTEST
    RIOT = "riot"  # Riots/* | 145 | PROTEST (riot)
    STRATEGIC_DEVELOPMENT = "strategic_development"  # Change to group/activity, Disrupted weapons use, Other | — | OTHER
    OTHER = "other"


class Stance(StrEnum):
    """What a statement does. Comment: CAMEO codes | PLOVER type."""

    CLAIM = "claim"  # 01, 010 make public statement | —
    ACCUSATION = "accusation"  # 112, 1121–1125 accuse | ACCUSE
    CRITICISM = "criticism"  # 111 criticize or denounce | ACCUSE
    DENIAL = "denial"  # 016 deny responsibility / reject claim | REJECT
    REJECTION = "rejection"  # 12 reject (proposals, demands) | REJECT
    WARNING = "warning"  # 13 with no explicit force, 130 | THREATEN
    THREAT = "threat"  # 13, 138 threaten with force, 139 ultimatum | THREATEN
    APPEAL = "appeal"  # 02 make an appeal or request | REQUEST
    DEMAND = "demand"  # 10 demand | REQUEST
    ADMISSION = "admission"  # 015 acknowledge or claim responsibility | —
    ASSESSMENT = "assessment"  # an observer's judgement of a situation (UN, analysts) | —
    PRAISE = "praise"  # 051 praise or endorse | —
    INTENT = "intent"  # 03 express intent to cooperate | —
    FACT_CHECK = "fact_check"  # a published fact-check (its verdicts are RATED relationships)


class ParticipantRole(StrEnum):
    SIGNATORY = "signatory"
    GUARANTOR = "guarantor"
    PARTY = "party"
    NEGOTIATOR = "negotiator"
    MEDIATOR = "mediator"
    HOST = "host"
    PERPETRATOR = "perpetrator"
    TARGET = "target"
    VICTIM = "victim"
    COMMANDER = "commander"  # ordered or directed it
    OBSERVER = "observer"  # reported on or monitored it


class AffiliationRole(StrEnum):
    REPRESENTS = "represents"  # ambassador → state
    SPOKESPERSON_FOR = "spokesperson_for"  # spokesman → presidency
    LEADER_OF = "leader_of"  # president → state
    PART_OF = "part_of"  # ministry → government, armed forces → state, government → state
    OFFICIAL_OF = "official_of"  # UN under-secretary → UN
    MEMBER_OF = "member_of"  # journalist → research group; state → alliance
    EMPLOYED_BY = "employed_by"


# At level=state, an individual or agency's statement counts as the organisation it stands for.
# member_of and employed_by do not roll up: Turkey's statements are not NATO's.
ROLLUP_ROLES = frozenset(
    {
        AffiliationRole.REPRESENTS,
        AffiliationRole.SPOKESPERSON_FOR,
        AffiliationRole.LEADER_OF,
        AffiliationRole.PART_OF,
        AffiliationRole.OFFICIAL_OF,
    }
)
# Kinds where a roll-up stops: the organisation an accusation "belongs to".
ROLLUP_TARGET_KINDS = frozenset({ActorKind.STATE, ActorKind.INTERGOVERNMENTAL_ORG})


class Rating(StrEnum):
    """A fact-check verdict, normalised; the publisher's own words stay in `rating`."""

    TRUE = "true"
    MOSTLY_TRUE = "mostly_true"
    MIXTURE = "mixture"
    MISLEADING = "misleading"
    MOSTLY_FALSE = "mostly_false"
    FALSE = "false"
    UNPROVEN = "unproven"
    OTHER = "other"


class PlaceKind(StrEnum):
    COUNTRY = "country"
    REGION = "region"  # province, governorate, a named part of a country
    CITY = "city"
    TOWN = "town"
    AREA = "area"  # anything else with a name: a front line, a de-escalation zone
    LOCATION = "location"  # a provider's named location whose type it does not say (town, site…)


class SourceKind(StrEnum):
    ARTICLE = "article"
    FACT_CHECK = "fact_check"
    INTERVIEW = "interview"
    PRESS_STATEMENT = "press_statement"
    PRESS_CONFERENCE = "press_conference"
    SOCIAL_MEDIA_POST = "social_media_post"
    OFFICIAL_DOCUMENT = "official_document"
    REPORT = "report"
    BROADCAST = "broadcast"
    DATASET = "dataset"  # a provider's data export (ACLED, GDELT, UCDP)
