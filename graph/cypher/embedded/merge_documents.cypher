// Documents merge by id, with their metadata, content digests and what their events are.
UNWIND $docs AS doc
MERGE (d:Document {id: doc.id})
SET d.title = doc.title, d.lang = doc.lang, d.published = doc.published, d.url = doc.url, d.sha256 = doc.sha256,
    d.records_sha256 = doc.records_sha256, d.origin = doc.origin, d.events = doc.events
