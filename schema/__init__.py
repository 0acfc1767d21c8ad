"""The vocabulary shared by loaders, graph and API: pydantic models and enums, no database code."""
