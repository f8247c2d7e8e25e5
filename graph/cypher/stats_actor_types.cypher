// Actors by their type label (every label but Actor).
MATCH (a:Actor)
UNWIND [label IN labels(a) WHERE label <> 'Actor'] AS key
RETURN key, count(*) AS n
