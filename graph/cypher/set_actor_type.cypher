// {{label}} is an actor type and {{other_labels}} the ontology's other types (":State:Person...");
// both are taken from the ontology only, as labels cannot be parameters.
UNWIND $ids AS id
MATCH (a:Actor {id: id})
REMOVE a{{other_labels}}
SET a:{{label}}
