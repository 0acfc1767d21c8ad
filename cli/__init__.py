"""The `ckg` command line: local database, loads, exports and the API server."""
