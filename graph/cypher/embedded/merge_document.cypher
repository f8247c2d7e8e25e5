MERGE (d:Document {id: $id})
SET d.title = $title, d.lang = $lang, d.published = $published, d.url = $url, d.sha256 = $sha256,
    d.records_sha256 = $records_sha256
