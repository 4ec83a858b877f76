-- Bench data for the helpdesk queue, after bench/people.sql: 500,000 tickets over five years of the 60 bench schools
-- (bench-01, the biggest, has a tenth of them; 3 % are still open), a third of bench-01's assigned to the bench admin
-- (:admin, an e-mail address), the rest to nobody; written straight into the table. Run with psql as the owner.
\set ON_ERROR_STOP on
create temp table bench_school as select id, row_number() over (order by code) as n from school where code like 'bench-%';
insert into ticket (school_id, number, subject, description, status, category_id, impact, urgency, priority,
    reporter_id, reporter_name, assignee_id, assignee_name, resolve_due_at, response_due_at, first_response_at, resolved_at,
    closed_at, search_text, version, created_at, updated_at, updated_by)
select s.id, row_number() over (partition by s.id order by g),
    'Probleem ' || g || ' met ' || (array['beamer','printer','wifi','laptop','smartschool','digibord'])[1 + g % 6],
    'beschrijving',
    st.status,
    (select min(id) from ticket_category) + g % 7, 'MEDIUM', 'MEDIUM', (array['CRITICAL','HIGH','MEDIUM','LOW'])[1 + g % 4],
    1000000 + g % 3000, 'Leerkracht ' || (g % 3000),
    case when g % 10 = 0 and g % 3 = 0 then a.id end, case when g % 10 = 0 and g % 3 = 0 then 'Bench Admin' end,
    t.created + interval '3 days', t.created + interval '4 hours',
    case when st.status <> 'NEW' then t.created + interval '2 hours' end,
    case when st.status in ('RESOLVED', 'CLOSED') then t.created + interval '2 days' end,
    case when st.status = 'CLOSED' then t.created + interval '16 days' end,
    'probleem ' || g || ' ' || (array['beamer','printer','wifi','laptop','smartschool','digibord'])[1 + g % 6] || ' leerkracht ' || (g % 3000),
    0, t.created, t.created, 'bench'
from generate_series(1, 500000) g
cross join lateral (select now() - ((500000 - g) * interval '315 seconds') as created) t
cross join lateral (select case when g % 33 = 0 then (array['NEW','ASSIGNED','IN_PROGRESS','WAITING_REPORTER'])[1 + g % 4]
                                else (array['RESOLVED','CLOSED'])[1 + g % 2] end as status) st
join bench_school s on s.n = case when g % 10 = 0 then 1 else 2 + g % 59 end
cross join (select p.id from person p where p.email = :'admin') a;
insert into ticket_counter (school_id, next_value) select school_id, max(number) + 1 from ticket group by school_id;
