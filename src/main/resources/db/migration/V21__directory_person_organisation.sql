-- A person can work for an organisation of the group (an external technician of a firm).
alter table person add column organisation_id bigint;
alter table person add constraint person_organisation_fk foreign key (organisation_id) references organisation (id);
create index person_organisation_idx on person (organisation_id);
