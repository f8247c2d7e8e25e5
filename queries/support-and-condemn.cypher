// name: support-and-condemn
// description: Actors that both support and condemn (or accuse) the same party, with the asserted events of each kind and their dates.
// params: none
// returns: actor, actor_name, party, party_name, supports, condemns, first_support, first_condemnation
// Read from the summary relationships (one per actor pair and predicate over asserted events, with their
// count and first date), not from the events themselves: the same counts and dates.
MATCH (s:Actor)-[p]->(t:Actor)
WHERE type(p) IN ["SUPPORTS", "OFFERS_SUPPORT"]
WITH s, t, SUM(p.events) AS supports, MIN(p.first) AS first_support
MATCH (s)-[c]->(t)
WHERE type(c) IN ["CONDEMNS", "ACCUSES"]
RETURN s.id AS actor, s.name AS actor_name, t.id AS party, t.name AS party_name, supports,
       SUM(c.events) AS condemns, first_support, MIN(c.first) AS first_condemnation
ORDER BY actor, party
