// A deleted document's node, once its events are gone.
MATCH (d:Document {id: $id})
DETACH DELETE d
