// name: role-holders
// description: Who held a role (leads, member of) on a date, from the gazetteer's dated positions, in actors of the graph; with actor, only the roles held by it or in it.
// params: $date (a date, YYYY-MM-DD), $actor (actor id or name; default: any)
// derived: $roles (the positions of the loaded gazetteer)
// returns: organisation, organisation_name, role, holder, holder_name, title, since, until
UNWIND $roles AS r
WITH r
WHERE (r.since IS NULL OR r.since <= $date) AND (r.until IS NULL OR $date <= r.until)
  AND ($actor = "" OR r.holder = $actor OR r.organisation = $actor)
MATCH (o:Actor {id: r.organisation})
OPTIONAL MATCH (h:Actor {id: r.holder})
RETURN o.id AS organisation, o.name AS organisation_name, r.role AS role, r.holder AS holder,
       coalesce(h.name, r.holder_label) AS holder_name, r.title AS title, r.since AS since, r.until AS until
ORDER BY organisation, role, holder
