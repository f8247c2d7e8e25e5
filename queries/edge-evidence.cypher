// name: edge-evidence
// description: The sentences behind an edge: every event of the predicate from source to target (either way for a symmetric predicate), whatever its modality, with its document.
// params: $source (actor id or name), $predicate (predicate name, any case), $target (actor id or name)
// returns: source, target, modality, date, document, title, sentence, event
MATCH (s:Actor)<-[:SOURCE]-(e:Event)-[:TARGET]->(t:Actor)
MATCH (e)-[:REPORTED_IN]->(d:Document)
WHERE e.predicate = $predicate
  AND ((s.id = $source AND t.id = $target)
       OR (e.predicate IN ["COOPERATES_WITH", "CONSULTS", "SIGNS_AGREEMENT_WITH", "FIGHTS"]
           AND s.id = $target AND t.id = $source))
RETURN s.id AS source, t.id AS target, e.modality AS modality, e.date AS date, d.id AS document,
       d.title AS title, e.sentence AS sentence, e.id AS event
ORDER BY document, event
