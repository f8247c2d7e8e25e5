MATCH (e:Event)
OPTIONAL MATCH (e)-[:SOURCE]->(s:Actor)
OPTIONAL MATCH (e)-[:TARGET]->(t:Actor)
OPTIONAL MATCH (e)-[:REPORTED_IN]->(d:Document)
RETURN e {.*} AS event, s.id AS source, t.id AS target, d.id AS document
ORDER BY e.id
