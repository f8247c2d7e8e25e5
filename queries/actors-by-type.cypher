// name: actors-by-type
// description: Every actor with its type, English and Arabic name, by type then id.
// params: none
// returns: type, id, name, name_ar, wikidata
MATCH (a:Actor)
RETURN a.type AS type, a.id AS id, a.name AS name, a.name_ar AS name_ar, a.wikidata AS wikidata
ORDER BY type, id
