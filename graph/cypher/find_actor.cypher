// By id first; else by exact name, Arabic name or alias ignoring case, the smallest id winning.
MATCH (a:Actor)
WHERE a.id = $key
   OR toLower(a.name) = toLower($key)
   OR toLower(a.name_ar) = toLower($key)
   OR any(alias IN coalesce(a.aliases, []) WHERE toLower(alias) = toLower($key))
RETURN a {.*} AS actor
ORDER BY CASE WHEN a.id = $key THEN 0 ELSE 1 END, a.id
LIMIT 1
