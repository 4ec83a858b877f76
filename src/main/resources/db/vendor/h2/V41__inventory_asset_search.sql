-- PostgreSQL gets a trigram index here; the embedded H2 database scans, which is fast enough at its scale.
create index asset_search on asset (search_text);
