// A store written before events kept their effective date and the ids of their target and document,
// documents what their events are, events their month and summaries their days: each filled in from the
// graph, once (the months' links made again).
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
MATCH (:Event)-[r:IN_MONTH]->(:Month)
DELETE r;
MATCH (e:Event), (m:Month)
WHERE m.id = left(e.effective_date, 7)
CREATE (e)-[:IN_MONTH]->(m);
MATCH (:Actor)-[r]->(:Actor)
SET r.days = CAST([] AS STRING[]);
MATCH (a:Actor)<-[:SOURCE]-(e:Event)-[:TARGET]->(b:Actor)
WHERE e.modality = "asserted" AND e.effective_date IS NOT NULL
WITH a, b, e.predicate AS predicate, list_sort(collect(e.effective_date)) AS days
MATCH (a)-[r]->(b)
WHERE label(r) = predicate
SET r.days = days;
