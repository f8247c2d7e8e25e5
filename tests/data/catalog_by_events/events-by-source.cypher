// events-by-source: the catalog's earlier reading of every event it counts.
MATCH (d:Document)
OPTIONAL MATCH (e:Event)-[:REPORTED_IN]->(d)
WITH coalesce(e.origin, "text") AS kind, d, e
RETURN kind, d.lang AS lang, COUNT(DISTINCT d.id) AS documents, COUNT(e.id) AS events, MIN(d.published) AS first,
       MAX(d.published) AS last
ORDER BY kind, lang
