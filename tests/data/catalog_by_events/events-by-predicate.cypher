// events-by-predicate: the catalog's earlier reading of every event it counts.
MATCH (s:Actor)<-[:SOURCE]-(e:Event)-[:TARGET]->(t:Actor)
WHERE e.predicate = $predicate
RETURN s.id AS source, s.name AS source_name, t.id AS target, t.name AS target_name,
       e.modality AS modality, e.date AS date, e.sentence AS sentence, e.id AS event
ORDER BY source, target, event
