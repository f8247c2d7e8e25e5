// condemnations-by-organisations: the catalog's earlier reading of every event it counts.
MATCH (s:Actor)<-[:SOURCE]-(e:Event)-[:TARGET]->(t:Actor)
MATCH (e)-[:REPORTED_IN]->(d:Document)
WHERE s.type = "InternationalOrganization" AND e.predicate = "CONDEMNS" AND e.modality = "asserted"
RETURN s.id AS organisation, s.name AS organisation_name, t.id AS target, t.name AS target_name,
       t.type AS target_type, e.date AS date, d.id AS document, e.sentence AS sentence, e.id AS event
ORDER BY organisation, target, event
