// By id first; else by exact name, Arabic name or alias ignoring case, the smallest id winning.
// The key is bound by WITH first: the database takes no parameter inside a list predicate.
WITH $key AS key, toLower($key) AS low
MATCH (a:Actor)
WHERE a.id = key
   OR toLower(a.name) = low
   OR toLower(a.name_ar) = low
   OR any(alias IN coalesce(a.aliases, []) WHERE toLower(alias) = low)
RETURN a.id AS id
ORDER BY CASE WHEN a.id = key THEN 0 ELSE 1 END, id
LIMIT 1
