// Events stored before the store kept their effective date get it: their date, else their document's
// (also a graph loaded by neo4j-admin import). Runs once, before the index that marks it done.
MATCH (e:Event)-[:REPORTED_IN]->(d:Document)
WHERE e.effective_date IS NULL
CALL (e, d) {
  SET e.effective_date = coalesce(e.date, d.published)
} IN TRANSACTIONS OF 10000 ROWS
