// name: support-and-condemn
// description: Actors that both support and condemn (or accuse) the same party, with the asserted events of each kind and their dates.
// params: none
// returns: actor, actor_name, party, party_name, supports, condemns, first_support, first_condemnation
// window: $window (runs of actors in id order: the page is read from the first actors onwards)
// Read from the summary relationships (one per actor pair and predicate over asserted events, with their
// count and first date), not from the events themselves, in one pass over each pair's four kinds: the same
// counts and dates.
MATCH (s:Actor)
WHERE s.id IN $window
MATCH (s)-[r:SUPPORTS|OFFERS_SUPPORT|CONDEMNS|ACCUSES]->(t:Actor)
WITH s, t, r, type(r) IN ["SUPPORTS", "OFFERS_SUPPORT"] AS support
WITH s, t, SUM(CASE WHEN support THEN r.events ELSE 0 END) AS supports,
     SUM(CASE WHEN support THEN 0 ELSE r.events END) AS condemns,
     MIN(CASE WHEN support THEN r.first END) AS first_support,
     MIN(CASE WHEN support THEN NULL ELSE r.first END) AS first_condemnation,
     COUNT(CASE WHEN support THEN 1 END) AS supporting, COUNT(CASE WHEN support THEN NULL ELSE 1 END) AS condemning
WHERE supporting > 0 AND condemning > 0
RETURN s.id AS actor, s.name AS actor_name, t.id AS party, t.name AS party_name, supports,
       condemns, first_support, first_condemnation
ORDER BY actor, party
