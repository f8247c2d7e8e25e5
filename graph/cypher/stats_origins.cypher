// Events by where they were read: text, acled, gdelt (events stored before origins were kept are text).
MATCH (e:Event)
RETURN coalesce(e.origin, 'text') AS key, count(*) AS n
