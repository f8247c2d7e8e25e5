// Events with their source, target and document, their effective date (their own date, else their
// document's publication date) and the ids of their target and document. A document's old events are gone before this
// runs, so every event is new (the id constraint refuses a second one); returns how many were written so
// that an event whose actor or document is missing fails the transaction instead of vanishing.
UNWIND $rows AS row
MATCH (d:Document {id: row.document})
MATCH (s:Actor {id: row.source})
MATCH (t:Actor {id: row.target})
CREATE (e:Event {id: row.id})
SET e.predicate = row.predicate, e.modality = row.modality, e.date = row.date, e.cameo = row.cameo,
    e.plover = row.plover, e.confidence = row.confidence, e.sentence = row.sentence,
    e.start = row.start, e.end = row.end, e.origin = row.origin, e.provenance = row.provenance,
    e.fatalities = row.fatalities, e.location = row.location, e.latitude = row.latitude,
    e.longitude = row.longitude, e.effective_date = row.effective_date,
    e.target_id = row.target, e.document_id = row.document
CREATE (e)-[:SOURCE]->(s)
CREATE (e)-[:TARGET]->(t)
CREATE (e)-[:REPORTED_IN]->(d)
// An event with an effective date is linked to its month.
FOREACH (month IN CASE WHEN row.effective_date IS NULL THEN [] ELSE [left(row.effective_date, 7)] END |
  MERGE (m:Month {id: month})
  CREATE (e)-[:IN_MONTH]->(m))
RETURN count(e) AS written
