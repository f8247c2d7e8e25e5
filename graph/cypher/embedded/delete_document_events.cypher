// A replaced or deleted document loses its events (and their relationships); actors stay.
MATCH (d:Document {id: $id})<-[:REPORTED_IN]-(e:Event)
DETACH DELETE e
