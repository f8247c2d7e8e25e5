// Documents and their events by where the events were read (text, acled, gdelt), from what each document
// keeps of its events.
MATCH (d:Document)
RETURN d.origin AS origin, count(d) AS documents, sum(d.events) AS events
