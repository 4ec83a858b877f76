-- PostgreSQL gets a trigram index here; the embedded H2 database scans, which is fast enough at its scale.
create index person_search on person (search_text);
