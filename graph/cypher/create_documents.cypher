// Documents the store does not hold yet (their ids were looked up in this transaction).
UNWIND $docs AS doc
CREATE (d:Document)
SET d.id = doc.id, d.title = doc.title, d.lang = doc.lang, d.published = doc.published,
    d.url = doc.url, d.sha256 = doc.sha256, d.records_sha256 = doc.records_sha256,
    d.origin = doc.origin, d.events = doc.events
