// Add a group's new asserted events to the summary relationship {{type}} (a predicate of the
// ontology) of each actor pair: counts add up, first and last widen, origins join, days (effective dates)
// are added; a new pair gets one.
UNWIND $pairs AS pair
MATCH (a:Actor {id: pair.source})
MATCH (b:Actor {id: pair.target})
MERGE (a)-[r:{{type}}]->(b)
ON CREATE SET r.events = pair.events, r.first = pair.first, r.last = pair.last, r.origins = pair.origins,
    r.days = pair.days
ON MATCH SET r.events = r.events + pair.events,
    r.first = CASE WHEN pair.first IS NULL THEN r.first
                   WHEN r.first IS NULL OR pair.first < r.first THEN pair.first ELSE r.first END,
    r.last = CASE WHEN pair.last IS NULL THEN r.last
                  WHEN r.last IS NULL OR pair.last > r.last THEN pair.last ELSE r.last END,
    r.origins = list_sort(list_distinct(coalesce(r.origins, []) + pair.origins)),
    r.days = coalesce(r.days, []) + pair.days
