// Drop the summary relationship {{type}} (a predicate of the ontology) of each actor pair.
UNWIND $pairs AS pair
MATCH (a:Actor {id: pair.source})-[r:{{type}}]->(b:Actor {id: pair.target})
DELETE r
