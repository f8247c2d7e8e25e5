// name: actor-timeline
// description: Everything the actor did or underwent, in order of date (the event's own, else its document's publication date), with modality and document.
// params: $actor (actor id or name)
// returns: date, dated_by, role, source, source_name, predicate, target, target_name, modality, document, event
// From the actor by its key: its events, each with the actor at its other end.
MATCH (a:Actor {id: $actor})<-[r:SOURCE|TARGET]-(e:Event)-[other:SOURCE|TARGET]->(o:Actor)
WHERE type(other) <> type(r)
MATCH (e)-[:REPORTED_IN]->(d:Document)
WITH a, o, e, d, CASE WHEN type(r) = "SOURCE" THEN "source" ELSE "target" END AS role
// An event of the actor on itself is met from both ends: keep the one from its source.
WHERE role = "source" OR o.id <> a.id
RETURN coalesce(e.date, d.published) AS date, CASE WHEN e.date IS NULL THEN "document" ELSE "event" END AS dated_by,
       role, CASE WHEN role = "source" THEN a.id ELSE o.id END AS source,
       CASE WHEN role = "source" THEN a.name ELSE o.name END AS source_name, e.predicate AS predicate,
       CASE WHEN role = "source" THEN o.id ELSE a.id END AS target,
       CASE WHEN role = "source" THEN o.name ELSE a.name END AS target_name, e.modality AS modality,
       d.id AS document, e.id AS event
ORDER BY date, event
