// aid-requests: the catalog's earlier reading of every event it counts.
MATCH (s:Actor)<-[:SOURCE]-(e:Event)-[:TARGET]->(t:Actor)
MATCH (e)-[:REPORTED_IN]->(d:Document)
WHERE e.predicate = "REQUESTS_AID_FROM"
RETURN s.id AS requester, s.name AS requester_name, t.id AS provider, t.name AS provider_name,
       e.modality AS modality, e.date AS date, d.published AS published, d.id AS document,
       e.sentence AS sentence, e.id AS event
ORDER BY requester, provider, event
