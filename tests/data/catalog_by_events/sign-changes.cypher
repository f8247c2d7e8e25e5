// sign-changes: the catalog's earlier reading of every event it counts.
MATCH (s:Actor)<-[:SOURCE]-(a:Event)-[:TARGET]->(t:Actor)
MATCH (s)<-[:SOURCE]-(b:Event)-[:TARGET]->(t)
MATCH (a)-[:REPORTED_IN]->(da:Document)
MATCH (b)-[:REPORTED_IN]->(db:Document)
WHERE a.modality = "asserted" AND b.modality = "asserted"
WITH s, t, a, b, coalesce(a.date, da.published) AS a_date, coalesce(b.date, db.published) AS b_date,
     a.predicate IN ["SUPPORTS", "OFFERS_SUPPORT", "COOPERATES_WITH", "SIGNS_AGREEMENT_WITH"] AS a_friendly,
     b.predicate IN ["SUPPORTS", "OFFERS_SUPPORT", "COOPERATES_WITH", "SIGNS_AGREEMENT_WITH"] AS b_friendly,
     a.predicate IN ["CONDEMNS", "ACCUSES", "THREATENS", "SANCTIONS", "ATTACKS", "FIGHTS"] AS a_hostile,
     b.predicate IN ["CONDEMNS", "ACCUSES", "THREATENS", "SANCTIONS", "ATTACKS", "FIGHTS"] AS b_hostile
WHERE a_date < b_date AND ((a_friendly AND b_hostile) OR (a_hostile AND b_friendly))
WITH s, t, a, b, a_date, b_date,
     CASE WHEN a_friendly THEN "support to hostility" ELSE "hostility to support" END AS change
RETURN s.id AS source, s.name AS source_name, t.id AS target, t.name AS target_name, change,
       MIN(a_date) AS earlier, MAX(b_date) AS later, COUNT(DISTINCT a.id) AS events_before,
       COUNT(DISTINCT b.id) AS events_after
ORDER BY source, target, change
