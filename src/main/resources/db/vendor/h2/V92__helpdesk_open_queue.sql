-- PostgreSQL gets partial indexes over the open tickets here; H2 has no partial indexes, and the existing
-- (school_id, status, created_at) index serves the embedded database's scale.
create index ticket_school_due_status on ticket (school_id, status, resolve_due_at);
