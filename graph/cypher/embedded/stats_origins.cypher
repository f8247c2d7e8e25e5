// Events by where they were read: text, acled, gdelt.
MATCH (e:Event)
RETURN e.origin AS key, count(*) AS n
