// The index on events' document ids; its presence says bring_up_to_date has run (what the stores keep beside the model is filled in).
SHOW INDEXES YIELD name WHERE name = "event_document_id" RETURN name
