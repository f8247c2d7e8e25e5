// name: edge-evidence
// description: The sentences behind an edge: every event of the predicate from source to target (either way for a symmetric predicate), whatever its modality, with its document.
// params: $source (actor id or name), $predicate (predicate name, any case), $target (actor id or name)
// returns: source, target, modality, date, document, title, sentence, event
// From the edge's two actors, so that the database reads their events alone; the target and document are
// the ids kept on the event.
MATCH (s:Actor)
WHERE s.id = $source OR s.id = $target
MATCH (s)<-[:SOURCE]-(e:Event)
WITH s, e
WHERE e.predicate = $predicate
  AND ((s.id = $source AND e.target_id = $target)
       OR (e.predicate IN ["COOPERATES_WITH", "CONSULTS", "SIGNS_AGREEMENT_WITH", "FIGHTS"]
           AND s.id = $target AND e.target_id = $source))
MATCH (d:Document)
WHERE d.id = e.document_id
RETURN s.id AS source, e.target_id AS target, e.modality AS modality, e.date AS date, d.id AS document,
       d.title AS title, e.sentence AS sentence, e.id AS event
ORDER BY document, event
