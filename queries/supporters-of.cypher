// name: supporters-of
// description: Who supports the actor or offers it support, as asserted (not denied, not merely intended), with the number of events.
// params: $actor (actor id)
// returns: supporter, supporter_name, predicate, events
MATCH (s:Actor)<-[:SOURCE]-(e:Event)-[:TARGET]->(t:Actor {id: $actor})
WHERE e.predicate IN ["SUPPORTS", "OFFERS_SUPPORT"] AND e.modality = "asserted"
RETURN s.id AS supporter, s.name AS supporter_name, e.predicate AS predicate, COUNT(e.id) AS events
ORDER BY supporter, predicate
