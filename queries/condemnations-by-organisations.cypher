// name: condemnations-by-organisations
// description: What international organisations condemned, and whom: asserted CONDEMNS events whose source is an international organisation.
// params: none
// returns: organisation, organisation_name, target, target_name, target_type, date, document, sentence, event
MATCH (s:Actor)<-[:SOURCE]-(e:Event)-[:TARGET]->(t:Actor)
MATCH (e)-[:REPORTED_IN]->(d:Document)
WHERE s.type = "InternationalOrganization" AND e.predicate = "CONDEMNS" AND e.modality = "asserted"
RETURN s.id AS organisation, s.name AS organisation_name, t.id AS target, t.name AS target_name,
       t.type AS target_type, e.date AS date, d.id AS document, e.sentence AS sentence, e.id AS event
ORDER BY organisation, target, event
