// The mark that the summary relationships are behind the events: written with the first group of
// documents whose summaries wait for the next recount, removed by the transaction that ends it.
MERGE (:Upkeep {id: $mark})
