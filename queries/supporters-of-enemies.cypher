// name: supporters-of-enemies
// description: Who supports the actor's enemies: the actors it attacks or fights, or that attack or fight it (asserted), and their asserted supporters; with led (the default) the enemies of what it leads count too.
// params: $actor (actor id or name), $led (yes or no: also the forces and persons the actor leads and its members; default: yes)
// derived: $actor_group (the actor, and with led what it leads or holds as members)
// returns: enemy, enemy_name, supporter, supporter_name, predicate, events
// Read from the summary relationships (one per actor pair and predicate over asserted events, with their
// count), not from the events themselves: the same enemies and counts.
MATCH (a:Actor)
WHERE a.id IN $actor_group
MATCH (a)-[:ATTACKS|FIGHTS]-(x:Actor)
WHERE NOT x.id IN $actor_group
WITH DISTINCT x
MATCH (s:Actor)-[e:SUPPORTS|OFFERS_SUPPORT]->(x)
WHERE NOT s.id IN $actor_group
RETURN x.id AS enemy, x.name AS enemy_name, s.id AS supporter, s.name AS supporter_name, type(e) AS predicate,
       e.events AS events
ORDER BY enemy, supporter, predicate
