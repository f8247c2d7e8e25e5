// Recount the summary relationship {{type}} (a predicate of the ontology) of each actor pair from its
// asserted events: drop the old one, create it again when events remain.
UNWIND $pairs AS pair
MATCH (a:Actor {id: pair.source})
MATCH (b:Actor {id: pair.target})
OPTIONAL MATCH (a)-[old:{{type}}]->(b)
DELETE old
WITH DISTINCT a, b
OPTIONAL MATCH (a)<-[:SOURCE]-(e:Event {predicate: $predicate, modality: $modality})-[:TARGET]->(b)
// in order of effective date, so that the days are collected in order
WITH a, b, e
ORDER BY e.effective_date
WITH a, b, count(e) AS n, min(e.date) AS first, max(e.date) AS last,
     collect(DISTINCT coalesce(e.origin, 'text')) AS found, collect(e.effective_date) AS days
WHERE n > 0
CREATE (a)-[:{{type}} {events: n, first: first, last: last, origins: [o IN $origins WHERE o IN found],
                       days: days}]->(b)
