-- Substring search per school: one GIN index over (school_id, search_text) finds a school's matching assets
-- directly instead of intersecting all schools' matches with the school (btree_gin lets school_id into the GIN
-- index; both extensions are trusted, so the database owner creates them). It replaces the group-wide index.
create extension if not exists btree_gin;
create index asset_school_search_trgm on asset using gin (school_id, search_text gin_trgm_ops);
drop index if exists asset_search_trgm;
