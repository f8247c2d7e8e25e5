// who-attacks-whom: the catalog's earlier reading of every event it counts.
MATCH (s:Actor)<-[:SOURCE]-(e:Event)-[:TARGET]->(t:Actor)
WHERE e.predicate IN ["ATTACKS", "FIGHTS"] AND e.modality = "asserted"
RETURN s.id AS attacker, s.name AS attacker_name, e.predicate AS predicate, t.id AS target,
       t.name AS target_name, e.date AS date, e.sentence AS sentence, e.id AS event
ORDER BY attacker, target, predicate, event
