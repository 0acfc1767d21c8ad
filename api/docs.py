"""What /docs and /redoc say about the API: its description and one paragraph per tag.

The pages themselves are served with local Swagger UI and ReDoc assets (api/docs_pages.py), so they
work on a machine without internet.
"""

API_DESCRIPTION = """\
Conflict events, actors, statements and sources as a knowledge graph: what happened in a conflict
(agreements, offensives, strikes, talks, casualties) and what was said about it (accusations,
denials, warnings, fact-check verdicts), each fact with the sources that state it and, where there
is one, the supporting quote.

**Dates keep their precision.** Every date is `{text, start, end, precision}`: "2019-04" is the
whole of April 2019 (`start` 2019-04-01, `end` 2019-04-30, precision `month`), never its first day.
Query windows (`start`, `end`) take 2020, 2020-02 or 2020-02-17; an item matches when its own range
overlaps the window.

**Pages.** Lists answer `{items, next_cursor}`; pass `next_cursor` back as `cursor` for the next
page (null on the last). Renderings for front ends (`format=timelinejs|vis`, `format=cytoscape|vis`)
carry the next cursor in the `X-Next-Cursor` header.

**Errors** are JSON: an unknown id → 404 naming it; a bad parameter → 422 whose `detail[].loc`
names it; Neo4j down or a query over its time limit → 503 with `Retry-After`.

**Other web origins** may call the API only when listed in `CKG_CORS_ORIGINS`.
"""

OPENAPI_TAGS = [
    {"name": "health", "description": "Whether the API and its Neo4j are up."},
    {"name": "timeline", "description": "Events and statements in date order, as pages, as a "
     "TimelineJS3 document, as vis-timeline items or as GeoJSON; filtered by window, actors, place, "
     "a map box (`bbox`) or a circle (`near`)."},
    {"name": "events", "description": "What happened: lists with the timeline's filters, and one "
     "event with its participants, related events and the statements about it."},
    {"name": "incidents", "description": "One happening reported by several provider rows (ACLED, "
     "UCDP GED, GDELT's per-article repetitions), linked by time, place, type and states: its "
     "reports side by side with each link's score and reasons."},
    {"name": "statements", "description": "What was said: lists by speaker, stance, subject and "
     "fact-check verdict, and one statement with its targets, verdicts and replies."},
    {"name": "accusations", "description": "Who accused whom of what: rows, and a network ready for "
     "cytoscape.js or vis-network. `level=state` counts an ambassador's words as their state's."},
    {"name": "actors", "description": "States, governments, armed groups, people: search, profiles, "
     "every link to other actors, and each actor's timeline."},
    {"name": "places", "description": "Where things happened: places by any provider's spelling "
     "(\"Idleb\", \"Idlib governorate\"), and one place with what it lies in, what lies in it and "
     "its events by year and type."},
    {"name": "paths", "description": "How two nodes are connected, best-evidenced path first."},
    {"name": "export", "description": "A subgraph as a file for networkx, Gephi, igraph, Neo4j or RDF "
     "tools."},
]

# Swagger UI would otherwise fetch a badge from validator.swagger.io: nothing leaves the machine.
SWAGGER_UI_PARAMETERS = {"validatorUrl": None, "defaultModelsExpandDepth": 0}
