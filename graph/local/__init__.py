"""A Neo4j Community server provisioned from Maven Central and run on loopback."""
