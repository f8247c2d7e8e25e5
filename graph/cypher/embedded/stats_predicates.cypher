MATCH (e:Event)
RETURN e.predicate AS key, count(*) AS n
