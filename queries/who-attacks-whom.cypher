// name: who-attacks-whom
// description: Asserted attacks and clashes (ATTACKS, FIGHTS) between actors, with date and sentence.
// params: none
// returns: attacker, attacker_name, predicate, target, target_name, date, sentence, event
MATCH (s:Actor)<-[:SOURCE]-(e:Event)-[:TARGET]->(t:Actor)
WHERE e.predicate IN ["ATTACKS", "FIGHTS"] AND e.modality = "asserted"
RETURN s.id AS attacker, s.name AS attacker_name, e.predicate AS predicate, t.id AS target,
       t.name AS target_name, e.date AS date, e.sentence AS sentence, e.id AS event
ORDER BY attacker, target, predicate, event
