// denials-and-claims: the catalog's earlier reading of every event it counts.
MATCH (s:Actor)<-[:SOURCE]-(e:Event)-[:TARGET]->(t:Actor)
MATCH (e)-[:REPORTED_IN]->(d:Document)
WHERE e.modality = "negated"
OPTIONAL MATCH (s)<-[:SOURCE]-(c:Event)-[:TARGET]->(t)
WHERE c.predicate = e.predicate AND c.modality = "asserted"
WITH s, t, e, d, COUNT(c.id) AS asserted_elsewhere
OPTIONAL MATCH (s)<-[:TARGET]-(x:Event)
WHERE x.predicate = "ACCUSES" AND x.modality = "asserted"
RETURN s.id AS denier, s.name AS denier_name, e.predicate AS denies, t.id AS target, t.name AS target_name,
       e.date AS date, d.id AS document, asserted_elsewhere, COUNT(x.id) AS accusations, e.id AS event
ORDER BY denier, denies, target, event
