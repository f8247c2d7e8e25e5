// Count the summary relationships {{type}} (a predicate of the ontology) of the sources whose ids
// run from $first to $last from their asserted events, in one pass over the events of that predicate: the
// same properties as add_summaries keeps up one group at a time. The sources are kept to their run after
// counting, so that the database reads the events of the predicate in one scan instead of each source's.
MATCH (a:Actor)<-[:SOURCE]-(e:Event)-[:TARGET]->(b:Actor)
WHERE e.predicate = $predicate AND e.modality = $modality
WITH a, b, count(e) AS n, min(e.date) AS first, max(e.date) AS last, collect(DISTINCT e.origin) AS origins,
     collect(e.effective_date) AS days
WHERE a.id >= $first AND a.id <= $last
CREATE (a)-[:{{type}} {events: n, first: first, last: last, origins: list_sort(origins), days: list_sort(days)}]->(b)
