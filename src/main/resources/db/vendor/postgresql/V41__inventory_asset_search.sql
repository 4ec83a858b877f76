-- Substring search over assets' tag, serial, hostname, model and assignee per school (pg_trgm).
create extension if not exists pg_trgm;
create index asset_search_trgm on asset using gin (search_text gin_trgm_ops);
