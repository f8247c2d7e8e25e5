// A store written before events kept their effective date and the ids of their target and document,
// documents what their events are, and events their month: each filled in from the graph, once.
MATCH (e:Event)-[:REPORTED_IN]->(d:Document)
WHERE e.document_id IS NULL
MATCH (e)-[:TARGET]->(t:Actor)
SET e.effective_date = coalesce(e.date, d.published), e.target_id = t.id, e.document_id = d.id;
MATCH (d:Document)
OPTIONAL MATCH (e:Event)-[:REPORTED_IN]->(d)
WITH d, count(e) AS events, min(e.origin) AS origin
SET d.events = events, d.origin = coalesce(origin, "text");
MATCH (e:Event)
WHERE e.effective_date IS NOT NULL
WITH DISTINCT left(e.effective_date, 7) AS month
MERGE (:Month {id: month});
MATCH (e:Event), (m:Month)
WHERE m.id = left(e.effective_date, 7)
CREATE (e)-[:IN_MONTH]->(m);
