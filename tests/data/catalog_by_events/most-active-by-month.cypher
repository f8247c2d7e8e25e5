// most-active-by-month: the catalog's earlier reading of every event it counts.
MATCH (s:Actor)<-[:SOURCE]-(e:Event)-[:REPORTED_IN]->(d:Document)
WITH left(coalesce(e.date, d.published), 7) AS month, s, e
WHERE month IS NOT NULL
RETURN month, s.id AS actor, s.name AS actor_name, COUNT(e.id) AS events,
       COUNT(CASE WHEN e.modality = "asserted" THEN e.id END) AS asserted
ORDER BY month, events DESC, actor
