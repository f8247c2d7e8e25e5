// The (source, predicate, target) of a document's events, whose summaries need recounting.
MATCH (d:Document {id: $id})<-[:REPORTED_IN]-(e:Event)
MATCH (e)-[:SOURCE]->(s:Actor)
MATCH (e)-[:TARGET]->(t:Actor)
RETURN DISTINCT s.id AS source, e.predicate AS predicate, t.id AS target
