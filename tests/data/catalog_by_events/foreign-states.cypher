// foreign-states: the catalog's earlier reading of every event it counts.
MATCH (s:Actor)<-[:SOURCE]-(e:Event)-[:TARGET]->(t:Actor)
WHERE s.type = "State" AND s.id <> $home AND e.modality = "asserted"
  AND NOT t.type IN ["State", "InternationalOrganization", "Location"] AND NOT t.id STARTS WITH (s.id + "/")
  AND e.predicate IN ["SUPPORTS", "OFFERS_SUPPORT", "DEPLOYS_TO", "COOPERATES_WITH", "SIGNS_AGREEMENT_WITH",
                      "ATTACKS", "FIGHTS", "CONDEMNS", "SANCTIONS", "THREATENS"]
WITH s, t, e,
     CASE WHEN e.predicate IN ["ATTACKS", "FIGHTS", "CONDEMNS", "SANCTIONS", "THREATENS"] THEN "against"
          ELSE "with" END AS side
RETURN s.id AS state, s.name AS state_name, side, t.id AS party, t.name AS party_name, COUNT(e.id) AS events,
       MIN(e.date) AS first, MAX(e.date) AS last
ORDER BY state, side, party
