// name: supporters-of-enemies
// description: Who supports the actor's enemies: the actors it attacks or fights, or that attack or fight it (asserted), and their asserted supporters; with led (the default) the enemies of what it leads count too.
// params: $actor (actor id or name), $led (yes or no: also the forces and persons the actor leads and its members; default: yes)
// derived: $actor_group (the actor, and with led what it leads or holds as members)
// returns: enemy, enemy_name, supporter, supporter_name, predicate, events
MATCH (a:Actor)<-[:SOURCE|TARGET]-(h:Event)-[:SOURCE|TARGET]->(x:Actor)
WHERE a.id IN $actor_group AND NOT x.id IN $actor_group
  AND h.predicate IN ["ATTACKS", "FIGHTS"] AND h.modality = "asserted"
WITH DISTINCT x
MATCH (s:Actor)<-[:SOURCE]-(e:Event)-[:TARGET]->(x)
WHERE e.predicate IN ["SUPPORTS", "OFFERS_SUPPORT"] AND e.modality = "asserted" AND NOT s.id IN $actor_group
RETURN x.id AS enemy, x.name AS enemy_name, s.id AS supporter, s.name AS supporter_name, e.predicate AS predicate,
       COUNT(e.id) AS events
ORDER BY enemy, supporter, predicate
