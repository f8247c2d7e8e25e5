// name: condemnations-by-organisations
// description: What international organisations condemned, and whom: asserted CONDEMNS events whose source is an international organisation.
// params: none
// returns: organisation, organisation_name, target, target_name, target_type, date, document, sentence, event
// window: $window (runs of actors in id order: the page is read from the first actors onwards)
// The target and document are read from the ids kept on the event, without following its relationships.
MATCH (s:Actor)
WHERE s.id IN $window AND s.type = "InternationalOrganization"
MATCH (s)<-[:SOURCE]-(e:Event)
// Filtered after the run's events are found, so that the database starts from the run's actors.
WITH s, e
WHERE e.predicate = "CONDEMNS" AND e.modality = "asserted"
MATCH (t:Actor)
WHERE t.id = e.target_id
RETURN s.id AS organisation, s.name AS organisation_name, t.id AS target, t.name AS target_name,
       t.type AS target_type, e.date AS date, e.document_id AS document, e.sentence AS sentence, e.id AS event
ORDER BY organisation, target, event
