-- Bench data for the inventory: 40 schools (inv-01 … inv-40) with 20 rooms and 1,000 assets each (40,000 assets),
-- a catalog of 2,000 models, 500 software titles (in every school's catalog: titles are per school in Spil), 200
-- licences per school and 400,000 installations (10 per asset); plus one extra school inv-xl with 40,000 assets of
-- its own, for the export of 40,000 rows (exports are per school).
-- Written straight into the tables after Flyway has made them; a fixed random seed. Run with psql as the owner.
\set ON_ERROR_STOP on
select setseed(0.3003);

insert into school (code, name, street, postal_code, city, institution_number, level, archived, version,
                    created_at, updated_at, updated_by)
select case when s <= 40 then 'inv-' || lpad(s::text, 2, '0') else 'inv-xl' end,
       case when s <= 40 then 'Inventarisschool ' || s else 'Inventarisschool XL' end,
       'Schoolstraat ' || s, '9000', 'Gent', lpad((200000 + s)::text, 6, '0'),
       case when s % 2 = 0 then 'SECUNDAIR' else 'BASIS' end, false, 0, now(), now(), 'bench'
from generate_series(1, 41) s;

create temp table sch as
select id, code, case when code = 'inv-xl' then 41 else substr(code, 5)::int end as n from school where code like 'inv-%';

insert into building (school_id, name, archived, version, created_at, updated_at, updated_by)
select sch.id, 'Blok ' || b, false, 0, now(), now(), 'bench' from sch cross join generate_series(1, 2) b;

insert into room (school_id, building_id, name, type, floor, capacity, archived, version, created_at, updated_at, updated_by)
select bu.school_id, bu.id, substr(bu.name, 6) || '.' || lpad(r::text, 2, '0'),
       case when r <= 2 then 'COMPUTER_ROOM' when r = 10 then 'STORAGE' else 'CLASSROOM' end,
       r / 5, 24, false, 0, now(), now(), 'bench'
from building bu join sch on sch.id = bu.school_id cross join generate_series(1, 10) r;

-- 2,000 models of 20 manufacturers
insert into asset_model (manufacturer, name, category, manufacturer_key, name_key, created_at)
select mf, mf_model, cat, lower(mf), lower(mf_model), now()
from (
  select m,
         (array['Dell','HP','Lenovo','Acer','Asus','Apple','Samsung','Microsoft','Fujitsu','Toshiba','Epson','Canon',
                'Brother','Cisco','Ubiquiti','Synology','Promethean','Clevertouch','Logitech','Xerox'])[1 + (m - 1) % 20] as mf,
         (array['Latitude','ProBook','ThinkPad','TravelMate','VivoBook','MacBook','Galaxy Tab','Surface','Lifebook',
                'Dynabook','EB','i-SENSYS','HL','Catalyst','UniFi','DiskStation','ActivPanel','UX','MX','VersaLink'])[1 + (m - 1) % 20]
           || ' ' || (100 + (m - 1) / 20) || chr(65 + m % 7) as mf_model,
         (array['LAPTOP','LAPTOP','LAPTOP','CHROMEBOOK','LAPTOP','LAPTOP','TABLET','TABLET','DESKTOP','LAPTOP',
                'PROJECTOR','PRINTER','PRINTER','SWITCH','ACCESS_POINT','NAS','INTERACTIVE_DISPLAY','INTERACTIVE_DISPLAY',
                'PERIPHERAL','PRINTER'])[1 + (m - 1) % 20] as cat
  from generate_series(1, 2000) m
) x;

create temp table mdl as select id, manufacturer, name, category, row_number() over (order by id) as n from asset_model;
create temp table rm as
select id, school_id, row_number() over (partition by school_id order by id) as n from room
where school_id in (select id from sch);

-- 1,000 assets per school (40,000 for inv-xl), realistic spread of models, statuses, rooms, hostnames, serials
insert into asset (school_id, tag, serial, category, model_id, status, room_id, assignee_type, assignee_id, assignee_name,
                   purchase_date, price, warranty_end, hostname, mac_addresses, search_text, version, created_at, updated_at,
                   updated_by, last_seen_at)
select sch.id,
       'INV' || lpad(sch.n::text, 2, '0') || '-' || lpad(a::text, 6, '0'),
       upper(substr(md5(sch.n || '-' || a), 1, 10)),
       mdl.category, mdl.id,
       case when r < 0.70 then 'IN_USE' when r < 0.85 then 'IN_STOCK' when r < 0.90 then 'IN_REPAIR'
            when r < 0.93 then 'ORDERED' when r < 0.98 then 'RETIRED' else 'LOST' end,
       rm.id, null, null, null,
       date '2019-09-01' + (a * 7 % 2400), round((300 + random() * 1200)::numeric, 2),
       date '2022-09-01' + (a * 7 % 2400),
       lower(substr(mdl.manufacturer, 1, 3)) || '-' || lpad(sch.n::text, 2, '0') || '-' || lpad(a::text, 5, '0'),
       null,
       lower('INV' || lpad(sch.n::text, 2, '0') || '-' || lpad(a::text, 6, '0') || ' ' || upper(substr(md5(sch.n || '-' || a), 1, 10))
             || ' ' || substr(mdl.manufacturer, 1, 3) || '-' || lpad(sch.n::text, 2, '0') || '-' || lpad(a::text, 5, '0')
             || ' ' || mdl.manufacturer || ' ' || mdl.name),
       0, now(), now(), 'bench',
       case when random() < 0.8 then now() - (random() * 60 || ' days')::interval end
from sch
cross join lateral generate_series(1, case when sch.code = 'inv-xl' then 40000 else 1000 end) a
cross join lateral (select random() as r) rr
join mdl on mdl.n = 1 + (a * 37 + sch.n * 11) % 2000
join rm on rm.school_id = sch.id and rm.n = 1 + a % 20;

-- 500 software titles; the catalog is per school in Spil, so each of the 40 schools has all 500 (20,000 rows, 500
-- distinct titles), as in a school group whose schools share one image.
insert into software_title (school_id, name, name_key, publisher, category, platform, search_text, archived, version,
                            created_at, updated_at, updated_by)
select sch.id, 'Titel ' || lpad(t::text, 3, '0') || ' ' || (array['Office','Browser','Leerplatform','Editor','Viewer',
         'Driver','Tool','Game','Atlas','Studio'])[1 + t % 10],
       lower('titel ' || lpad(t::text, 3, '0') || ' ' || (array['office','browser','leerplatform','editor','viewer',
         'driver','tool','game','atlas','studio'])[1 + t % 10]),
       (array['Microsoft','Google','Adobe','Mozilla','VideoLAN','GeoGebra','Smartschool','Die Keure','Pelckmans','Van In'])[1 + t % 10],
       (array['OFFICE','BROWSER','EDUCATIONAL','UTILITY','MULTIMEDIA','UTILITY','UTILITY','EDUCATIONAL','EDUCATIONAL','MULTIMEDIA'])[1 + t % 10],
       (array['WINDOWS','MULTI','WEB','WINDOWS','MULTI','WINDOWS','LINUX','WINDOWS','WEB','MACOS'])[1 + t % 10],
       lower('titel ' || lpad(t::text, 3, '0')), false, 0, now(), now(), 'bench'
from sch cross join generate_series(1, 500) t where sch.code <> 'inv-xl';

-- licences: per school, 200 of its titles have one (per device with seats around the use, a few free/site,
-- about 1 in 10 ending in the next 90 days, some expired)
insert into software_licence (school_id, title_id, type, seats, cost, start_date, end_date, licence_key, archived, version,
                              created_at, updated_at, updated_by)
select t.school_id, t.id,
       case when t.n % 10 = 0 then 'SITE' when t.n % 10 = 1 then 'FREE' when t.n % 10 = 2 then 'SUBSCRIPTION' else 'PER_DEVICE' end,
       case when t.n % 10 in (0, 1) then null else 5 + (t.n * 13) % 40 end,
       round((100 + random() * 5000)::numeric, 2),
       current_date - 400, current_date + ((t.n * 17) % 900)::int - 60,
       'KEY-' || upper(substr(md5(t.id::text), 1, 20)), false, 0, now(), now(), 'bench'
from (select id, school_id, row_number() over (partition by school_id order by id) as n from software_title) t
where t.n <= 200;

-- 400,000 installations: 10 per asset of the 40 schools, each asset its own mix of its school's titles
create temp table st as
select id, school_id, row_number() over (partition by school_id order by id) as n from software_title;
insert into software_installation (school_id, asset_id, title_id, version_text, source, created_at, updated_at, updated_by)
select a.school_id, a.id, st.id, (1 + k) || '.' || (a.id % 10), case when k % 3 = 0 then 'MANUAL' else 'AGENT' end,
       now(), now(), 'bench'
from asset a
join sch on sch.id = a.school_id and sch.code <> 'inv-xl'
cross join generate_series(0, 9) k
join st on st.school_id = a.school_id and st.n = 1 + ((a.id * 7 + k * 53) % 500);

select (select count(*) from asset a join sch on sch.id = a.school_id) as bench_assets,
       (select count(*) from asset_model) as models,
       (select count(distinct name) from software_title) as distinct_titles,
       (select count(*) from software_installation) as installations;
