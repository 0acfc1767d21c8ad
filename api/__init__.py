"""The FastAPI application serving the conflict graph."""
