// name: who-attacks-whom
// description: Asserted attacks and clashes (ATTACKS, FIGHTS) between actors, with date and sentence.
// params: none
// returns: attacker, attacker_name, predicate, target, target_name, date, sentence, event
// window: $window (runs of actors in id order: the page is read from the first actors onwards)
// The target is read from the id kept on the event, without following its relationship.
MATCH (s:Actor)
WHERE s.id IN $window
MATCH (s)<-[:SOURCE]-(e:Event)
// Filtered after the run's events are found, so that the database starts from the run's actors.
WITH s, e
WHERE e.predicate IN ["ATTACKS", "FIGHTS"] AND e.modality = "asserted"
MATCH (t:Actor)
WHERE t.id = e.target_id
RETURN s.id AS attacker, s.name AS attacker_name, e.predicate AS predicate, t.id AS target,
       t.name AS target_name, e.date AS date, e.sentence AS sentence, e.id AS event
ORDER BY attacker, target, predicate, event
