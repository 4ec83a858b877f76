-- Late returns: the day the teacher was last reminded by e-mail (at most one reminder per loan per day; the job claims
-- a reservation by setting this before it sends, so two app nodes never both send).
alter table reservation add column reminded_on date;
-- The reminder job looks for reservations handed out whose end has passed.
create index reservation_status_end on reservation (status, ends_at);
