-- Substring search over tickets' number, subject, reporter, assignee and asset per school (pg_trgm, btree_gin).
create extension if not exists pg_trgm;
create extension if not exists btree_gin;
create index ticket_search_trgm on ticket using gin (school_id, search_text gin_trgm_ops);
