// support-and-condemn: the catalog's earlier reading of every event it counts.
MATCH (s:Actor)<-[:SOURCE]-(p:Event)-[:TARGET]->(t:Actor)
WHERE p.predicate IN ["SUPPORTS", "OFFERS_SUPPORT"] AND p.modality = "asserted"
WITH s, t, COUNT(p.id) AS supports, MIN(p.date) AS first_support
MATCH (s)<-[:SOURCE]-(c:Event)-[:TARGET]->(t)
WHERE c.predicate IN ["CONDEMNS", "ACCUSES"] AND c.modality = "asserted"
RETURN s.id AS actor, s.name AS actor_name, t.id AS party, t.name AS party_name, supports,
       COUNT(c.id) AS condemns, first_support, MIN(c.date) AS first_condemnation
ORDER BY actor, party
