// supporters-of-enemies: the catalog's earlier reading of every event it counts.
MATCH (a:Actor)<-[:SOURCE|TARGET]-(h:Event)-[:SOURCE|TARGET]->(x:Actor)
WHERE a.id IN $actor_group AND NOT x.id IN $actor_group
  AND h.predicate IN ["ATTACKS", "FIGHTS"] AND h.modality = "asserted"
WITH DISTINCT x
MATCH (s:Actor)<-[:SOURCE]-(e:Event)-[:TARGET]->(x)
WHERE e.predicate IN ["SUPPORTS", "OFFERS_SUPPORT"] AND e.modality = "asserted" AND NOT s.id IN $actor_group
RETURN x.id AS enemy, x.name AS enemy_name, s.id AS supporter, s.name AS supporter_name, e.predicate AS predicate,
       COUNT(e.id) AS events
ORDER BY enemy, supporter, predicate
