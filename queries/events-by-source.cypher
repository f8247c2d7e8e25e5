// name: events-by-source
// description: Documents and events by kind of source and language, with the span of publication dates; every stored document is a text article until readers of event data sets (ACLED, GDELT) mark theirs.
// params: none
// returns: kind, lang, documents, events, first, last
MATCH (d:Document)
OPTIONAL MATCH (e:Event)-[:REPORTED_IN]->(d)
// The kind is a constant until documents carry their source; then it is read from the document.
WITH "article" AS kind, d, e
RETURN kind, d.lang AS lang, COUNT(DISTINCT d.id) AS documents, COUNT(e.id) AS events, MIN(d.published) AS first,
       MAX(d.published) AS last
ORDER BY kind, lang
