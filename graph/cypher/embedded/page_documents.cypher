// One page of documents after an id, in id order.
MATCH (d:Document)
WHERE d.id > $after
RETURN d AS document
ORDER BY d.id
LIMIT $limit
