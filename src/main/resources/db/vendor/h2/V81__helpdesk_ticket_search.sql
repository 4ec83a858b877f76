-- PostgreSQL gets a trigram index here; the embedded H2 database scans, which is fast enough at its scale.
create index ticket_search on ticket (search_text);
