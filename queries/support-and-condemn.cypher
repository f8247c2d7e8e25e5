// name: support-and-condemn
// description: Actors that both support and condemn (or accuse) the same party, with the asserted events of each kind and their dates.
// params: none
// returns: actor, actor_name, party, party_name, supports, condemns, first_support, first_condemnation
MATCH (s:Actor)<-[:SOURCE]-(p:Event)-[:TARGET]->(t:Actor)
WHERE p.predicate IN ["SUPPORTS", "OFFERS_SUPPORT"] AND p.modality = "asserted"
WITH s, t, COUNT(p.id) AS supports, MIN(p.date) AS first_support
MATCH (s)<-[:SOURCE]-(c:Event)-[:TARGET]->(t)
WHERE c.predicate IN ["CONDEMNS", "ACCUSES"] AND c.modality = "asserted"
RETURN s.id AS actor, s.name AS actor_name, t.id AS party, t.name AS party_name, supports,
       COUNT(c.id) AS condemns, first_support, MIN(c.date) AS first_condemnation
ORDER BY actor, party
