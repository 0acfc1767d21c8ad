"""Error answers shared by several routes, as documented in OpenAPI."""

from typing import Any

Responses = dict[int | str, dict[str, Any]]

INVALID_PARAMETER: Responses = {
    422: {"description": "A parameter is invalid; `detail[].loc` names it and `detail[].msg` says why."}
}
UNKNOWN_ID: Responses = {
    404: {"description": "An id given as a filter names nothing; `detail` names the id and the parameter."}
}
FILTERED: Responses = {**INVALID_PARAMETER, **UNKNOWN_ID}
