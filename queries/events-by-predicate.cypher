// name: events-by-predicate
// description: Every event of one predicate (e.g. CONDEMNS), whatever its modality, with its sentence.
// params: $predicate (predicate name in any case, e.g. supports)
// returns: source, source_name, target, target_name, modality, date, sentence, event
// window: $window (runs of actors in id order: the page is read from the first actors onwards)
// The target is read from the id kept on the event, without following its relationship.
MATCH (s:Actor)
WHERE s.id IN $window
MATCH (s)<-[:SOURCE]-(e:Event)
// Filtered after the run's events are found, so that the database starts from the run's actors.
WITH s, e
WHERE e.predicate = $predicate
MATCH (t:Actor)
WHERE t.id = e.target_id
RETURN s.id AS source, s.name AS source_name, t.id AS target, t.name AS target_name,
       e.modality AS modality, e.date AS date, e.sentence AS sentence, e.id AS event
ORDER BY source, target, event
