// One page of actors after an id, in id order.
MATCH (a:Actor)
WHERE a.id > $after
RETURN a AS actor
ORDER BY a.id
LIMIT $limit
