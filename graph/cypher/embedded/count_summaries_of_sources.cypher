// Count the summary relationships {{type}} (a predicate of the ontology) of the sources in $ids from their
// asserted events, source by source: slower than one pass over the predicate's events, but what the
// database holds grows with these sources' events alone (the recount's way when that pass runs out of memory).
UNWIND $ids AS id
MATCH (a:Actor {id: id})<-[:SOURCE]-(e:Event)-[:TARGET]->(b:Actor)
WHERE e.predicate = $predicate AND e.modality = $modality
WITH a, b, count(e) AS n, min(e.date) AS first, max(e.date) AS last, collect(DISTINCT e.origin) AS origins,
     collect(e.effective_date) AS days
CREATE (a)-[:{{type}} {events: n, first: first, last: last, origins: list_sort(origins), days: list_sort(days)}]->(b)
