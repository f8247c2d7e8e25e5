// name: most-active-by-month
// description: The most active actors of each month: events each actor is the source of, by month (the event's date, else its document's), busiest first.
// params: none
// returns: month, actor, actor_name, events, asserted
// An event's effective date (its own, else its document's) is kept on it when it is written.
MATCH (s:Actor)<-[:SOURCE]-(e:Event)
WITH left(e.effective_date, 7) AS month, s, e
WHERE month IS NOT NULL
RETURN month, s.id AS actor, s.name AS actor_name, COUNT(e.id) AS events,
       COUNT(CASE WHEN e.modality = "asserted" THEN e.id END) AS asserted
ORDER BY month, events DESC, actor
