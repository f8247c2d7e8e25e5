MATCH (d:Document)
RETURN d {.*} AS document
ORDER BY d.id
