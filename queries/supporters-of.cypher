// name: supporters-of
// description: Who supports the actor or offers it support, as asserted (not denied, not merely intended), with the number of events; with led (the default) also who supports the forces and persons it leads and its members.
// params: $actor (actor id or name), $led (yes or no: also the forces and persons the actor leads and its members; default: yes)
// derived: $actor_group (the actor, and with led what it leads or holds as members)
// returns: supporter, supporter_name, supported, supported_name, predicate, events
MATCH (s:Actor)<-[:SOURCE]-(e:Event)-[:TARGET]->(t:Actor)
WHERE t.id IN $actor_group AND e.predicate IN ["SUPPORTS", "OFFERS_SUPPORT"] AND e.modality = "asserted"
RETURN s.id AS supporter, s.name AS supporter_name, t.id AS supported, t.name AS supported_name,
       e.predicate AS predicate, COUNT(e.id) AS events
ORDER BY supporter, supported, predicate
