// The summary relationships are counted again: the mark that they were behind goes.
MATCH (u:Upkeep {id: $mark})
DELETE u
