MATCH (e:Event)
RETURN e.modality AS key, count(*) AS n
