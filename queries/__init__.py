"""The query catalog: named Cypher questions that run the same on both stores."""

from queries.catalog import CatalogQuery, get_query, list_queries, run

__all__ = ["CatalogQuery", "get_query", "list_queries", "run"]
