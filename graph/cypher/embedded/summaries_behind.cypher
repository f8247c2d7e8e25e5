// Whether the mark that the summary relationships are behind the events is there.
MATCH (u:Upkeep {id: $mark})
RETURN count(u) AS n
