// The stored content digests of a group's documents, to tell new, unchanged and replaced apart at once.
UNWIND $ids AS id
MATCH (d:Document {id: id})
RETURN d.id AS id, d.records_sha256 AS records_sha256
