MATCH (a:Actor)
RETURN a {.*} AS actor
ORDER BY a.id
