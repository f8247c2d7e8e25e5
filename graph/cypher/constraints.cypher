// One node per id, enforced by the server; each statement runs on its own.
CREATE CONSTRAINT actor_id IF NOT EXISTS FOR (a:Actor) REQUIRE a.id IS UNIQUE;
CREATE CONSTRAINT document_id IF NOT EXISTS FOR (d:Document) REQUIRE d.id IS UNIQUE;
CREATE CONSTRAINT event_id IF NOT EXISTS FOR (e:Event) REQUIRE e.id IS UNIQUE;
CREATE CONSTRAINT month_id IF NOT EXISTS FOR (m:Month) REQUIRE m.id IS UNIQUE;
CREATE INDEX event_effective_date IF NOT EXISTS FOR (e:Event) ON (e.effective_date);
CREATE INDEX event_document_id IF NOT EXISTS FOR (e:Event) ON (e.document_id);
