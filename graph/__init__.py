"""Neo4j access: settings, the driver, the graph model, migrations, queries and the local server."""
