// name: sign-changes
// description: Relations that changed sign over time: asserted support (supports, offers support, cooperates, signs with) and later hostility (condemns, accuses, threatens, sanctions, attacks, fights) from the same source to the same target, or the reverse; dates are the event's, else its document's.
// params: none
// returns: source, source_name, target, target_name, change, earlier, later, events_before, events_after
// window: $window (runs of actors in id order: the page is read from the first actors onwards)
// Read from the summary relationships of the ten predicates (one per actor pair and predicate over
// asserted events), whose days are the effective dates of their events (the event's own date, else its
// document's): one pass over each pair's friendly and hostile days gives their spans, a change of sign is
// a friendly day before the last hostile one, or the reverse, and the days on each side of that turn are
// counted from the pair's own lists. The same rows as pairing every earlier event with every later one.
// Only a pair with both a friendly and a hostile relationship can turn, so the pairs are found first by
// that cycle, and only their days are read: by an OPTIONAL MATCH that repeats the window's condition, so
// that the database reads the run's actors' summaries alone instead of every summary of the graph.
MATCH (s:Actor)
WHERE s.id IN $window
MATCH (s)-[:SUPPORTS|OFFERS_SUPPORT|COOPERATES_WITH|SIGNS_AGREEMENT_WITH]->(t:Actor)<-[:CONDEMNS|ACCUSES|THREATENS|SANCTIONS|ATTACKS|FIGHTS]-(s)
WITH DISTINCT s, t
OPTIONAL MATCH (s)-[r:SUPPORTS|OFFERS_SUPPORT|COOPERATES_WITH|SIGNS_AGREEMENT_WITH|CONDEMNS|ACCUSES|THREATENS|SANCTIONS|ATTACKS|FIGHTS]->(t)
WHERE s.id IN $window
WITH s, t, r, type(r) IN ["SUPPORTS", "OFFERS_SUPPORT", "COOPERATES_WITH", "SIGNS_AGREEMENT_WITH"] AS friendly
UNWIND r.days AS day
WITH s, t, collect(CASE WHEN friendly THEN day END) AS friendly_days,
     collect(CASE WHEN NOT friendly THEN day END) AS hostile_days,
     MIN(CASE WHEN friendly THEN day END) AS f_first, MAX(CASE WHEN friendly THEN day END) AS f_last,
     MIN(CASE WHEN NOT friendly THEN day END) AS h_first, MAX(CASE WHEN NOT friendly THEN day END) AS h_last
WHERE f_first < h_last OR h_first < f_last
UNWIND friendly_days AS day
WITH s, t, hostile_days, f_first, f_last, h_first, h_last,
     COUNT(CASE WHEN day < h_last THEN 1 END) AS friendly_before,
     COUNT(CASE WHEN day > h_first THEN 1 END) AS friendly_after
UNWIND hostile_days AS day
WITH s, t, f_first, f_last, h_first, h_last, friendly_before, friendly_after,
     COUNT(CASE WHEN day > f_first THEN 1 END) AS hostile_after,
     COUNT(CASE WHEN day < f_last THEN 1 END) AS hostile_before
UNWIND ["support to hostility", "hostility to support"] AS change
WITH s, t, change, f_first, f_last, h_first, h_last, friendly_before, hostile_after, hostile_before, friendly_after
WHERE (change = "support to hostility" AND f_first < h_last) OR (change = "hostility to support" AND h_first < f_last)
RETURN s.id AS source, s.name AS source_name, t.id AS target, t.name AS target_name, change,
       CASE WHEN change = "support to hostility" THEN f_first ELSE h_first END AS earlier,
       CASE WHEN change = "support to hostility" THEN h_last ELSE f_last END AS later,
       CASE WHEN change = "support to hostility" THEN friendly_before ELSE hostile_before END AS events_before,
       CASE WHEN change = "support to hostility" THEN hostile_after ELSE friendly_after END AS events_after
ORDER BY source, target, change
