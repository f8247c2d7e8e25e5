// name: events-by-predicate
// description: Every event of one predicate (e.g. CONDEMNS), whatever its modality, with its sentence.
// params: $predicate (predicate name in any case, e.g. supports)
// returns: source, source_name, target, target_name, modality, date, sentence, event
MATCH (s:Actor)<-[:SOURCE]-(e:Event)-[:TARGET]->(t:Actor)
WHERE e.predicate = $predicate
RETURN s.id AS source, s.name AS source_name, t.id AS target, t.name AS target_name,
       e.modality AS modality, e.date AS date, e.sentence AS sentence, e.id AS event
ORDER BY source, target, event
