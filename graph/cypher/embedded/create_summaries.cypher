// Count the summary relationship {{type}} of each actor pair from its asserted events again; a pair
// whose events are gone gets none.
UNWIND $pairs AS pair
MATCH (a:Actor {id: pair.source})<-[:SOURCE]-(e:Event)-[:TARGET]->(b:Actor {id: pair.target})
WHERE e.predicate = $predicate AND e.modality = $modality
WITH a, b, count(e) AS n, min(e.date) AS first, max(e.date) AS last, collect(DISTINCT e.origin) AS origins,
     collect(e.effective_date) AS days
CREATE (a)-[:{{type}} {events: n, first: first, last: last, origins: list_sort(origins), days: list_sort(days)}]->(b)
