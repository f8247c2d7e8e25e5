// The (source, predicate, target) of a document's events, whose summaries need recounting.
MATCH (e:Event)-[:REPORTED_IN]->(:Document {id: $id})
MATCH (e)-[:SOURCE]->(s:Actor)
MATCH (e)-[:TARGET]->(t:Actor)
RETURN DISTINCT s.id AS source, e.predicate AS predicate, t.id AS target
