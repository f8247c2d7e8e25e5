// Drop the summary relationships {{type}} (a predicate of the ontology) of the sources whose ids
// run from $first to $last, before they are counted again.
MATCH (a:Actor)-[r:{{type}}]->(:Actor)
WHERE a.id >= $first AND a.id <= $last
DELETE r
