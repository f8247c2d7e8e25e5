// name: sign-changes
// description: Relations that changed sign over time: asserted support (supports, offers support, cooperates, signs with) and later hostility (condemns, accuses, threatens, sanctions, attacks, fights) from the same source to the same target, or the reverse; dates are the event's, else its document's.
// params: none
// returns: source, source_name, target, target_name, change, earlier, later, events_before, events_after
// For each pair, the span of its friendly and of its hostile events (by effective date: the event's own,
// else its document's, kept on the event); a change of sign is a friendly event before the last hostile
// one, or the reverse. A second pass counts the events on each side of that turn: the same rows as pairing
// every earlier event with every later one, in one pass over each pair's events instead of their square.
MATCH (s:Actor)<-[:SOURCE]-(e:Event)-[:TARGET]->(t:Actor)
WHERE e.modality = "asserted" AND e.effective_date IS NOT NULL
  AND e.predicate IN ["SUPPORTS", "OFFERS_SUPPORT", "COOPERATES_WITH", "SIGNS_AGREEMENT_WITH",
                      "CONDEMNS", "ACCUSES", "THREATENS", "SANCTIONS", "ATTACKS", "FIGHTS"]
WITH s, t, e.effective_date AS day,
     e.predicate IN ["SUPPORTS", "OFFERS_SUPPORT", "COOPERATES_WITH", "SIGNS_AGREEMENT_WITH"] AS friendly
WITH s, t, MIN(CASE WHEN friendly THEN day END) AS f_first, MAX(CASE WHEN friendly THEN day END) AS f_last,
     MIN(CASE WHEN NOT friendly THEN day END) AS h_first, MAX(CASE WHEN NOT friendly THEN day END) AS h_last
WHERE f_first < h_last OR h_first < f_last
MATCH (s)<-[:SOURCE]-(e:Event)-[:TARGET]->(t)
WHERE e.modality = "asserted" AND e.effective_date IS NOT NULL
  AND e.predicate IN ["SUPPORTS", "OFFERS_SUPPORT", "COOPERATES_WITH", "SIGNS_AGREEMENT_WITH",
                      "CONDEMNS", "ACCUSES", "THREATENS", "SANCTIONS", "ATTACKS", "FIGHTS"]
WITH s, t, f_first, f_last, h_first, h_last, e.effective_date AS day,
     e.predicate IN ["SUPPORTS", "OFFERS_SUPPORT", "COOPERATES_WITH", "SIGNS_AGREEMENT_WITH"] AS friendly
WITH s, t, f_first, f_last, h_first, h_last,
     COUNT(CASE WHEN friendly AND day < h_last THEN 1 END) AS friendly_before,
     COUNT(CASE WHEN NOT friendly AND day > f_first THEN 1 END) AS hostile_after,
     COUNT(CASE WHEN NOT friendly AND day < f_last THEN 1 END) AS hostile_before,
     COUNT(CASE WHEN friendly AND day > h_first THEN 1 END) AS friendly_after
UNWIND ["support to hostility", "hostility to support"] AS change
WITH s, t, change, f_first, f_last, h_first, h_last, friendly_before, hostile_after, hostile_before, friendly_after
WHERE (change = "support to hostility" AND f_first < h_last) OR (change = "hostility to support" AND h_first < f_last)
RETURN s.id AS source, s.name AS source_name, t.id AS target, t.name AS target_name, change,
       CASE WHEN change = "support to hostility" THEN f_first ELSE h_first END AS earlier,
       CASE WHEN change = "support to hostility" THEN h_last ELSE f_last END AS later,
       CASE WHEN change = "support to hostility" THEN friendly_before ELSE hostile_before END AS events_before,
       CASE WHEN change = "support to hostility" THEN hostile_after ELSE friendly_after END AS events_after
ORDER BY source, target, change
