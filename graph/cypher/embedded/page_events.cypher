// One page of events after an id, in id order, with their source, target and document.
MATCH (e:Event)
WHERE e.id > $after
WITH e ORDER BY e.id LIMIT $limit
MATCH (e)-[:SOURCE]->(s:Actor)
MATCH (e)-[:TARGET]->(t:Actor)
MATCH (e)-[:REPORTED_IN]->(d:Document)
RETURN e AS event, s.id AS source, t.id AS target, d.id AS document
ORDER BY e.id
