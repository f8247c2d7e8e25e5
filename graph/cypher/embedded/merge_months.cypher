// The months of a group's events, before the events that are linked to them.
UNWIND $months AS month
MERGE (:Month {id: month})
