// A replaced document loses its old events (and their relationships); actors stay.
MATCH (e:Event)-[:REPORTED_IN]->(:Document {id: $id})
DETACH DELETE e
