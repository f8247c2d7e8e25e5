// edge-evidence: the catalog's earlier reading of every event it counts.
MATCH (s:Actor)<-[:SOURCE]-(e:Event)-[:TARGET]->(t:Actor)
MATCH (e)-[:REPORTED_IN]->(d:Document)
WHERE e.predicate = $predicate
  AND ((s.id = $source AND t.id = $target)
       OR (e.predicate IN ["COOPERATES_WITH", "CONSULTS", "SIGNS_AGREEMENT_WITH", "FIGHTS"]
           AND s.id = $target AND t.id = $source))
RETURN s.id AS source, t.id AS target, e.modality AS modality, e.date AS date, d.id AS document,
       d.title AS title, e.sentence AS sentence, e.id AS event
ORDER BY document, event
