"""Read queries behind the API, one module per topic; transaction functions returning models."""
