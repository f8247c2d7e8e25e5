// name: events-by-source
// description: Documents and events by kind of source and language, with the span of publication dates; text for articles, acled or gdelt for the rows of those data sets.
// params: none
// returns: kind, lang, documents, events, first, last
MATCH (d:Document)
OPTIONAL MATCH (e:Event)-[:REPORTED_IN]->(d)
// A document's kind is where its events were read; a document with no event is an article's text.
WITH coalesce(e.origin, "text") AS kind, d, e
RETURN kind, d.lang AS lang, COUNT(DISTINCT d.id) AS documents, COUNT(e.id) AS events, MIN(d.published) AS first,
       MAX(d.published) AS last
ORDER BY kind, lang
