-- The embedded H2 database has no Dutch full text: the knowledge base searches it with LIKE over search_text (V86).
create index kb_article_audience on kb_article (school_id, audience, archived);
