"""Researcher exports: choose a subgraph (graph/export/selection.py), read it page by page
(source.py) and write it as node-link JSON, GraphML, GEXF, neo4j-admin CSV, Cypher or RDF."""
