// name: relations-of-actor
// description: What the actor does to others: its events as source, with predicate, target, modality, date and sentence.
// params: $actor (actor id or name)
// returns: predicate, target, target_name, modality, date, sentence, event
MATCH (s:Actor {id: $actor})<-[:SOURCE]-(e:Event)-[:TARGET]->(t:Actor)
RETURN e.predicate AS predicate, t.id AS target, t.name AS target_name, e.modality AS modality,
       e.date AS date, e.sentence AS sentence, e.id AS event
ORDER BY predicate, target, event
