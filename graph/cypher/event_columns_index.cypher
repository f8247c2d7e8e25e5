// The index on events' document ids; its presence says the columns of fill_event_columns are filled in.
SHOW INDEXES YIELD name WHERE name = "event_document_id" RETURN name
