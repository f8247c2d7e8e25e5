// name: most-active-by-month
// description: The most active actors of each month: events each actor is the source of, by month (the event's date, else its document's), busiest first.
// params: none
// returns: month, actor, actor_name, events, asserted
// window: $window (runs of months in order: the page is read from the first months onwards)
// Each event is linked to the month of its effective date (its own date, else its document's) when it is
// written, so a month's events are found without reading the others.
MATCH (m:Month)
WHERE m.id IN $window
MATCH (m)<-[:IN_MONTH]-(e:Event)-[:SOURCE]->(s:Actor)
RETURN m.id AS month, s.id AS actor, s.name AS actor_name, COUNT(e.id) AS events,
       COUNT(CASE WHEN e.modality = "asserted" THEN e.id END) AS asserted
ORDER BY month, events DESC, actor
