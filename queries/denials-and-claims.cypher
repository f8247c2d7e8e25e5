// name: denials-and-claims
// description: Each denial or refusal and what it denies: the predicate and target, beside the asserted events of the same source, predicate and target (the claim as stated elsewhere) and the accusations against the denier.
// params: none
// returns: denier, denier_name, denies, target, target_name, date, document, asserted_elsewhere, accusations, event
// The asserted events of the same source, predicate and target are counted in the pair's summary
// relationship of that predicate, and the accusations against the denier in the ACCUSES summaries
// that end at it: the same counts as over the events, without reading them again. Documents are joined
// last, to the rows that remain.
MATCH (s:Actor)<-[:SOURCE]-(e:Event)-[:TARGET]->(t:Actor)
WHERE e.modality = "negated"
OPTIONAL MATCH (s)-[c]->(t)
WHERE type(c) = e.predicate
WITH s, t, e, coalesce(SUM(c.events), 0) AS asserted_elsewhere
OPTIONAL MATCH (s)<-[x:ACCUSES]-(:Actor)
WITH s, t, e, asserted_elsewhere, coalesce(SUM(x.events), 0) AS accusations
MATCH (e)-[:REPORTED_IN]->(d:Document)
RETURN s.id AS denier, s.name AS denier_name, e.predicate AS denies, t.id AS target, t.name AS target_name,
       e.date AS date, d.id AS document, asserted_elsewhere, accusations, e.id AS event
ORDER BY denier, denies, target, event
