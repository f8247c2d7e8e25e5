// denials: the catalog's earlier reading of every event it counts.
MATCH (s:Actor)<-[:SOURCE]-(e:Event)-[:TARGET]->(t:Actor)
MATCH (e)-[:REPORTED_IN]->(d:Document)
WHERE e.modality = "negated"
RETURN s.id AS source, s.name AS source_name, e.predicate AS predicate, t.id AS target,
       t.name AS target_name, e.date AS date, e.sentence AS sentence, d.id AS document, e.id AS event
ORDER BY source, predicate, target, event
