MATCH (e:Event)-[:REPORTED_IN]->(:Document {id: $id})
RETURN count(e) AS n
