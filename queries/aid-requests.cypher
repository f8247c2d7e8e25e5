// name: aid-requests
// description: Who asked whom for aid (military, economic, humanitarian, security) and when, asserted, denied, intended or conditional, with the sentence.
// params: none
// returns: requester, requester_name, provider, provider_name, modality, date, published, document, sentence, event
// window: $window (runs of actors in id order: the page is read from the first actors onwards)
// The target is read from the id kept on the event, without following its relationship, and the documents
// are joined to the page's rows alone ($limit: the rows the page still needs).
MATCH (s:Actor)
WHERE s.id IN $window
MATCH (s)<-[:SOURCE]-(e:Event)
// Filtered after the run's events are found, so that the database starts from the run's actors.
WITH s, e
WHERE e.predicate = "REQUESTS_AID_FROM"
MATCH (t:Actor)
WHERE t.id = e.target_id
WITH s, e, t
ORDER BY s.id, t.id, e.id
LIMIT $limit
MATCH (d:Document)
WHERE d.id = e.document_id
RETURN s.id AS requester, s.name AS requester_name, t.id AS provider, t.name AS provider_name,
       e.modality AS modality, e.date AS date, d.published AS published, e.document_id AS document,
       e.sentence AS sentence, e.id AS event
ORDER BY requester, provider, event
