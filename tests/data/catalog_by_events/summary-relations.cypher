// summary-relations: the catalog's earlier reading of every event it counts.
MATCH (a:Actor)-[r]->(b:Actor)
RETURN a.id AS source, type(r) AS predicate, b.id AS target, r.events AS events, r.first AS first,
       r.last AS last
ORDER BY source, predicate, target
