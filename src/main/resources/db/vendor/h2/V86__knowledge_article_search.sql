-- PostgreSQL gets a trigram index here; the embedded H2 database scans, which is fast enough at its scale.
create index kb_article_search on kb_article (search_text);
