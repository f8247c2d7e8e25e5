// Events by predicate and modality, in one pass.
MATCH (e:Event)
RETURN e.predicate AS predicate, e.modality AS modality, count(*) AS n
