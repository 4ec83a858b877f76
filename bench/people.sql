-- Bench data for the people search: 60 schools, 24 classes each, 30,000 people (500 a school: 60 staff with roles,
-- 440 pupils in classes), written straight into the tables after Flyway has made them. Common Flemish names,
-- a fixed random seed, so every run searches the same data. Run with psql as the database owner.
\set ON_ERROR_STOP on
select setseed(0.2026);

insert into school (code, name, street, postal_code, city, institution_number, level, archived, version,
                    created_at, updated_at, updated_by)
select 'bench-' || lpad(s::text, 2, '0'), 'Benchschool ' || s, 'Schoolstraat ' || s, '9000', 'Gent',
       lpad((100000 + s)::text, 6, '0'), case when s % 2 = 0 then 'SECUNDAIR' else 'BASIS' end, false, 0,
       now(), now(), 'bench'
from generate_series(1, 60) s;

insert into class_group (school_id, name, grade, archived, version, created_at, updated_at, updated_by)
select sc.id, g || chr(64 + p), g, false, 0, now(), now(), 'bench'
from school sc cross join generate_series(1, 6) g cross join generate_series(1, 4) p
where sc.code like 'bench-%';

create temp table gen as
with names as (
    select array['Lucas','Noah','Liam','Louis','Arthur','Jules','Victor','Finn','Mats','Vic','Adam','Leon','Lars',
                 'Wout','Seppe','Milan','Stan','Kobe','Warre','Rune','Bent','Siebe','Jef','Tuur','Mohamed','Elias',
                 'Emma','Olivia','Louise','Mila','Elena','Lena','Marie','Julie','Nora','Ella','Lotte','Fien','Hanne',
                 'Febe','Amber','Noor','Jana','Lore','Eline','Lien','Ines','Yasmine','Zoë','Anaïs','Nina','Axelle',
                 'Jan','Tom','Bart','Koen','Wim','Dirk','Geert','Kris','Stijn','Jeroen','Joris','Tim','Pieter',
                 'Sofie','Lies','An','Katrien','Els','Griet','Ine','Sarah','Laura','Veerle','Hilde','Nathalie'] as firsts,
           array['Peeters','Janssens','Maes','Jacobs','Mertens','Willems','Claes','Goossens','Wouters','De Smet',
                 'Vermeulen','Van den Broeck','Hermans','Aerts','Martens','De Clercq','Pauwels','Van Damme','Claeys',
                 'Michiels','Verstraete','Smets','Stevens','Lambrechts','Segers','Coppens','Cools','Vandenberghe',
                 'De Backer','Verhoeven','Van de Velde','Hendrickx','Vermeersch','Bogaert','De Wilde','Vervoort','Baert',
                 'Leysen','Mortier','Wuyts','Van Acker','Verbeke','De Vos','Cuypers','Thys','Schepers','Geerts',
                 'Van Hoof','D''Hondt','Vandamme','El Amrani','Yilmaz','Kowalski','Nguyen','Bulut','Öztürk'] as lasts
)
select i, (i - 1) / 500 + 1 as s, (i - 1) % 500 as k,
       firsts[1 + floor(random() * array_length(firsts, 1))::int] as first_name,
       lasts[1 + floor(random() * array_length(lasts, 1))::int] as last_name
from names, generate_series(1, 30000) i;

alter table gen add column email varchar(320);
update gen set email = regexp_replace(translate(lower(first_name), 'ëïöüéèçä', 'eioueeca'), '[^a-z0-9]', '', 'g') || '.'
    || regexp_replace(translate(lower(last_name), 'ëïöüéèçä', 'eioueeca'), '[^a-z0-9]', '', 'g') || '.' || i
    || '@bench-' || lpad(s::text, 2, '0') || '.example';

insert into person (first_name, last_name, email, kind, search_text, version, created_at, updated_at, updated_by)
select first_name, last_name, email, case when k < 60 then 'STAFF' else 'PUPIL' end,
       translate(lower(first_name || ' ' || last_name || ' ' || email), 'ëïöüéèçä', 'eioueeca'), 0, now(), now(), 'bench'
from gen order by i;

insert into membership (person_id, school_id, group_id, archived)
select p.id, sc.id, case when g.k < 60 then null else cg.id end, false
from gen g
join person p on p.email = g.email
join school sc on sc.code = 'bench-' || lpad(g.s::text, 2, '0')
left join class_group cg on cg.school_id = sc.id and cg.name = ((g.k % 24) / 4 + 1)::text || chr(65 + g.k % 4);

insert into role_grant (person_id, school_id, role)
select p.id, m.school_id, case g.k when 0 then 'DIRECTOR' when 1 then 'ICT_COORDINATOR' else 'STAFF' end
from gen g join person p on p.email = g.email join membership m on m.person_id = p.id
where g.k < 60;

select count(*) as bench_people from person where email like '%@bench-%';
