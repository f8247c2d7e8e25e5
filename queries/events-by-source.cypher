// name: events-by-source
// description: Documents and events by kind of source and language, with the span of publication dates; text for articles, acled or gdelt for the rows of those data sets.
// params: none
// returns: kind, lang, documents, events, first, last
// A document keeps where its events were read (text for an article with none) and how many there are,
// written with it: the documents alone answer.
MATCH (d:Document)
RETURN d.origin AS kind, d.lang AS lang, COUNT(d.id) AS documents, SUM(d.events) AS events,
       MIN(d.published) AS first, MAX(d.published) AS last
ORDER BY kind, lang
