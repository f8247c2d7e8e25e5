// Documents the store does not hold yet, with their metadata, content digests and what their events are.
UNWIND $docs AS doc
CREATE (:Document {id: doc.id, title: doc.title, lang: doc.lang, published: doc.published, url: doc.url,
                   sha256: doc.sha256, records_sha256: doc.records_sha256, origin: doc.origin,
                   events: doc.events})
