// name: actor-timeline
// description: Everything the actor did or underwent, in order of date (the event's own, else its document's publication date), with modality and document.
// params: $actor (actor id or name)
// returns: date, dated_by, role, source, source_name, predicate, target, target_name, modality, document, event
MATCH (:Actor {id: $actor})<-[:SOURCE|TARGET]-(e:Event)
WITH DISTINCT e
MATCH (s:Actor)<-[:SOURCE]-(e)-[:TARGET]->(t:Actor)
MATCH (e)-[:REPORTED_IN]->(d:Document)
RETURN coalesce(e.date, d.published) AS date, CASE WHEN e.date IS NULL THEN "document" ELSE "event" END AS dated_by,
       CASE WHEN s.id = $actor THEN "source" ELSE "target" END AS role, s.id AS source, s.name AS source_name,
       e.predicate AS predicate, t.id AS target, t.name AS target_name, e.modality AS modality,
       d.id AS document, e.id AS event
ORDER BY date, event
