-- Substring search over articles' title and text (pg_trgm).
create extension if not exists pg_trgm;
create index kb_article_search_trgm on kb_article using gin (search_text gin_trgm_ops);
