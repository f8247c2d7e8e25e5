// The index on events' effective dates; its presence says they have been filled in (see fill_effective_dates).
SHOW INDEXES YIELD name WHERE name = "event_effective_date" RETURN name
