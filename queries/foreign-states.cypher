// name: foreign-states
// description: Foreign states acting on the conflict's parties and on which side: with a party (supports, offers support, deploys to, cooperates, signs with) or against it (attacks, fights, condemns, sanctions, threatens); asserted events; the conflict's own country, other states, organisations, places and the state's own forces are no party here.
// params: none
// derived: $home (the conflict's country, from the loaded packs)
// returns: state, state_name, side, party, party_name, events, first, last
// window: $window (runs of actors in id order: the page is read from the first actors onwards)
// Read from the summary relationships (one per actor pair and predicate over asserted events, with their
// count and first and last dates), not from the events themselves: the same counts and dates.
MATCH (s:Actor)
WHERE s.id IN $window AND s.type = "State" AND s.id <> $home
MATCH (s)-[r]->(t:Actor)
WHERE NOT t.type IN ["State", "InternationalOrganization", "Location"] AND NOT t.id STARTS WITH (s.id + "/")
  AND type(r) IN ["SUPPORTS", "OFFERS_SUPPORT", "DEPLOYS_TO", "COOPERATES_WITH", "SIGNS_AGREEMENT_WITH",
                  "ATTACKS", "FIGHTS", "CONDEMNS", "SANCTIONS", "THREATENS"]
WITH s, t, r,
     CASE WHEN type(r) IN ["ATTACKS", "FIGHTS", "CONDEMNS", "SANCTIONS", "THREATENS"] THEN "against"
          ELSE "with" END AS side
RETURN s.id AS state, s.name AS state_name, side, t.id AS party, t.name AS party_name, SUM(r.events) AS events,
       MIN(r.first) AS first, MAX(r.last) AS last
ORDER BY state, side, party
