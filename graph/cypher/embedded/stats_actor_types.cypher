// Actors by type: the embedded database keeps one table per node kind, so the type is a property.
MATCH (a:Actor)
RETURN a.type AS key, count(*) AS n
