MATCH (d:Document)
RETURN count(d) AS n
