// Actors merge by id; the newest record's properties win.
UNWIND $rows AS row
MERGE (a:Actor {id: row.id})
SET a.type = row.type, a.name = row.name, a.name_ar = row.name_ar, a.aliases = row.aliases,
    a.wikidata = row.wikidata, a.cameo = row.cameo, a.known = row.known
