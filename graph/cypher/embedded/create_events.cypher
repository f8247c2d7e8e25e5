// Events with their source, target and document, each row a list of text in the order of EVENT_ROW
// (graph/embedded_support.py): the Event table's columns, then the ids of source, target and document;
// the properties slot gives each column its value cast to its type. Events with an effective date are
// linked to its month (the month slots; the months exist before this runs). A document's old events are
// gone before this runs, so every event is new; returns how many were written so that an event whose
// actor or document is missing fails the transaction instead of vanishing.
UNWIND $rows AS r
MATCH (d:Document {id: r[{{document}}]})
MATCH (s:Actor {id: r[{{source}}]})
MATCH (t:Actor {id: r[{{target}}]}){{month_match}}
CREATE (e:Event {{properties}})-[:SOURCE]->(s),
       (e)-[:TARGET]->(t),
       (e)-[:REPORTED_IN]->(d){{month_create}}
RETURN count(e) AS written
