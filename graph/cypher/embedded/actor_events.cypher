// Events where the actor is source or target, with the names around them.
MATCH (:Actor {id: $id})<-[:SOURCE|TARGET]-(e:Event)
WITH DISTINCT e
MATCH (e)-[:SOURCE]->(s:Actor)
MATCH (e)-[:TARGET]->(t:Actor)
MATCH (e)-[:REPORTED_IN]->(d:Document)
RETURN e AS event, s.id AS source, t.id AS target, d.id AS document,
       s.name AS source_name, t.name AS target_name, d.title AS document_title
