// The stored content digest of a document, to tell unchanged from replaced.
MATCH (d:Document {id: $id})
RETURN d.records_sha256 AS records_sha256
