// Events stored before the store kept their effective date: their date, else their document's.
MATCH (e:Event)-[:REPORTED_IN]->(d:Document)
SET e.effective_date = coalesce(e.date, d.published)
