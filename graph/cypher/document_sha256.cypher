// The stored content digest of a document, to tell unchanged from replaced.
MATCH (d:Document {id: $id})
RETURN d.sha256 AS sha256
