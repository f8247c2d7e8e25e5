// name: support-and-condemn
// description: Actors that both support and condemn (or accuse) the same party, with the asserted events of each kind and their dates.
// params: none
// returns: actor, actor_name, party, party_name, supports, condemns, first_support, first_condemnation
// window: $window (runs of actors in id order: the page is read from the first actors onwards)
// Read from the summary relationships (one per actor pair and predicate over asserted events, with their
// count and first date), not from the events themselves. A pair is found by the cycle of a supporting and a
// condemning relationship from the same actor, so that the pairs with one kind alone are never counted. A
// pair has at most one relationship of each predicate, so its rows are every supporting one beside every
// condemning one: the sum of one side's counts over the rows, divided by the number of predicates on the
// other side, is that side's count.
MATCH (s:Actor)
WHERE s.id IN $window
MATCH (s)-[r:SUPPORTS|OFFERS_SUPPORT]->(t:Actor)<-[c:CONDEMNS|ACCUSES]-(s)
WITH s, t, SUM(r.events) / COUNT(DISTINCT type(c)) AS supports, SUM(c.events) / COUNT(DISTINCT type(r)) AS condemns,
     MIN(r.first) AS first_support, MIN(c.first) AS first_condemnation
RETURN s.id AS actor, s.name AS actor_name, t.id AS party, t.name AS party_name, supports,
       condemns, first_support, first_condemnation
ORDER BY actor, party
