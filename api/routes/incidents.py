"""GET /incidents/{id}: one incident with every report of it side by side."""

from __future__ import annotations

from fastapi import APIRouter, HTTPException, status

from api.deps import ReaderDep
from api.model_response import ModelResponse
from graph.queries.incidents import get_incident
from schema.incidents import IncidentDetail

router = APIRouter(tags=["incidents"])


@router.get(
    "/incidents/{incident_id}",
    summary="One incident with every report of it",
    response_model=IncidentDetail,
    responses={404: {"description": "Unknown incident"}},
)
def read_incident(incident_id: str, reader: ReaderDep) -> ModelResponse:
    """The incident: its reports (dataset, id, title, date, fatality estimates, score and reasons),
    the fatality range over them, the runners-up, and the windows it was linked with."""
    incident = reader(get_incident, incident_id=incident_id)
    if incident is None:
        raise HTTPException(status.HTTP_404_NOT_FOUND, detail="Unknown incident")
    return ModelResponse(incident)
