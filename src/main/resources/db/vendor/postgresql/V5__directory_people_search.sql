-- Substring search over people's names, emails and classes per school (pg_trgm). H2 has no such index.
create extension if not exists pg_trgm;
create index person_search_trgm on person using gin (search_text gin_trgm_ops);
