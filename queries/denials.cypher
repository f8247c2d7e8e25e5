// name: denials
// description: Every negated event (a denial or refusal, never stored as the fact) with its sentence and document.
// params: none
// returns: source, source_name, predicate, target, target_name, date, sentence, document, event
// window: $window (runs of actors in id order: the page is read from the first actors onwards)
// The target and document are read from the ids kept on the event, without following its relationships.
MATCH (s:Actor)
WHERE s.id IN $window
MATCH (s)<-[:SOURCE]-(e:Event)
// Filtered after the run's events are found, so that the database starts from the run's actors.
WITH s, e
WHERE e.modality = "negated"
MATCH (t:Actor)
WHERE t.id = e.target_id
RETURN s.id AS source, s.name AS source_name, e.predicate AS predicate, t.id AS target,
       t.name AS target_name, e.date AS date, e.sentence AS sentence, e.document_id AS document, e.id AS event
ORDER BY source, predicate, target, event
