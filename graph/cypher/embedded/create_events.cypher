// Events with their source, target and document. A document's old events are gone before this
// runs, so every event is new; returns how many were written so that an event whose actor or
// document is missing fails the transaction instead of vanishing.
UNWIND $rows AS row
MATCH (d:Document {id: row.document})
MATCH (s:Actor {id: row.source})
MATCH (t:Actor {id: row.target})
CREATE (e:Event {id: row.id, predicate: row.predicate, modality: row.modality, date: row.date,
                 cameo: row.cameo, plover: row.plover, confidence: row.confidence,
                 sentence: row.sentence, start: row.start, `end`: row.`end`, origin: row.origin,
                 provenance: row.provenance, fatalities: row.fatalities, location: row.location,
                 latitude: row.latitude, longitude: row.longitude})-[:SOURCE]->(s),
       (e)-[:TARGET]->(t),
       (e)-[:REPORTED_IN]->(d)
RETURN count(e) AS written
