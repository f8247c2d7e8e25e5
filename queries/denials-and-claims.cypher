// name: denials-and-claims
// description: Each denial or refusal and what it denies: the predicate and target, beside the asserted events of the same source, predicate and target (the claim as stated elsewhere) and the accusations against the denier.
// params: none
// returns: denier, denier_name, denies, target, target_name, date, document, asserted_elsewhere, accusations, event
// window: $window (runs of actors in id order: the page is read from the first actors onwards)
// The page's denials are found first ($limit: the rows the page still needs), their targets read from the
// ids kept on the events. Then the asserted events of the same source, predicate and target are counted in
// the pair's summary relationship of that predicate, and the accusations against the denier in the ACCUSES
// summaries that end at it: the same counts as over the events, without reading them again.
// Each OPTIONAL MATCH repeats the window's condition on its own actor, so that the database reads the
// summaries of the run's actors alone instead of every summary of the graph.
MATCH (s:Actor)
WHERE s.id IN $window
MATCH (s)<-[:SOURCE]-(e:Event)
// Filtered after the run's events are found, so that the database starts from the run's actors.
WITH s, e
WHERE e.modality = "negated"
WITH s, e
ORDER BY s.id, e.predicate, e.target_id, e.id
LIMIT $limit
MATCH (t:Actor)
WHERE t.id = e.target_id
OPTIONAL MATCH (s)-[c]->(t)
WHERE s.id IN $window AND type(c) = e.predicate
WITH s, t, e, coalesce(SUM(c.events), 0) AS asserted_elsewhere
OPTIONAL MATCH (s)<-[x:ACCUSES]-(:Actor)
WHERE s.id IN $window
WITH s, t, e, asserted_elsewhere, coalesce(SUM(x.events), 0) AS accusations
RETURN s.id AS denier, s.name AS denier_name, e.predicate AS denies, t.id AS target, t.name AS target_name,
       e.date AS date, e.document_id AS document, asserted_elsewhere, accusations, e.id AS event
ORDER BY denier, denies, target, event
