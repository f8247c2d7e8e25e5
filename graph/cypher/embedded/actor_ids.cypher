// Every actor's id, in id order.
MATCH (a:Actor)
RETURN a.id AS id
ORDER BY id
