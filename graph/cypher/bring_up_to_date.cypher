// A graph from before events kept their effective date and the ids of their target and document, documents
// what their events are, events their month and summaries their days (also a graph loaded by neo4j-admin
// import): each filled in from the graph. Runs once, before the index that marks it done.
MATCH (e:Event)-[:REPORTED_IN]->(d:Document)
WHERE e.document_id IS NULL
MATCH (e)-[:TARGET]->(t:Actor)
CALL (e, d, t) {
  SET e.effective_date = coalesce(e.date, d.published), e.target_id = t.id, e.document_id = d.id
} IN TRANSACTIONS OF 10000 ROWS;
MATCH (d:Document)
WHERE d.events IS NULL
CALL (d) {
  OPTIONAL MATCH (e:Event)-[:REPORTED_IN]->(d)
  WITH d, count(e) AS events, min(e.origin) AS origin
  SET d.events = events, d.origin = coalesce(origin, "text")
} IN TRANSACTIONS OF 10000 ROWS;
CREATE CONSTRAINT month_id IF NOT EXISTS FOR (m:Month) REQUIRE m.id IS UNIQUE;
MATCH (e:Event)
WHERE e.effective_date IS NOT NULL AND NOT (e)-[:IN_MONTH]->(:Month)
CALL (e) {
  MERGE (m:Month {id: left(e.effective_date, 7)})
  CREATE (e)-[:IN_MONTH]->(m)
} IN TRANSACTIONS OF 10000 ROWS;
MATCH (a:Actor)
CALL (a) {
  MATCH (a)-[r]->(:Actor)
  WHERE r.days IS NULL
  SET r.days = []
} IN TRANSACTIONS OF 1000 ROWS;
MATCH (a:Actor)
CALL (a) {
  MATCH (a)<-[:SOURCE]-(e:Event)-[:TARGET]->(b:Actor)
  WHERE e.modality = "asserted" AND e.effective_date IS NOT NULL
  WITH a, b, e.predicate AS predicate, e.effective_date AS day
  ORDER BY day
  WITH a, b, predicate, collect(day) AS days
  MATCH (a)-[r]->(b)
  WHERE type(r) = predicate
  SET r.days = days
} IN TRANSACTIONS OF 100 ROWS;
