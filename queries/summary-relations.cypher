// name: summary-relations
// description: The browsing view: one relationship per actor pair and predicate over asserted events, with their count and first and last dates.
// params: none
// returns: source, predicate, target, events, first, last
// window: $window (runs of actors in id order: the page is read from the first actors onwards)
MATCH (a:Actor)
WHERE a.id IN $window
MATCH (a)-[r]->(b:Actor)
RETURN a.id AS source, type(r) AS predicate, b.id AS target, r.events AS events, r.first AS first,
       r.last AS last
ORDER BY source, predicate, target
