-- The queue shows open tickets (3 % of five years' tickets): partial indexes over only those rows give the first page
-- newest first, by assignee (also "unassigned": assignee_id null) and by due time straight from the index, without
-- merging five status ranges or sorting. The queue's SQL names the open statuses literally so the planner can use
-- them with every plan, also a generic one.
create index ticket_open_created on ticket (school_id, created_at desc, id desc)
    where status in ('NEW', 'ASSIGNED', 'IN_PROGRESS', 'WAITING_REPORTER', 'WAITING_SUPPLIER');
create index ticket_open_assignee on ticket (school_id, assignee_id, created_at desc, id desc)
    where status in ('NEW', 'ASSIGNED', 'IN_PROGRESS', 'WAITING_REPORTER', 'WAITING_SUPPLIER');
create index ticket_open_due on ticket (school_id, resolve_due_at, id)
    where status in ('NEW', 'ASSIGNED', 'IN_PROGRESS', 'WAITING_REPORTER', 'WAITING_SUPPLIER');
