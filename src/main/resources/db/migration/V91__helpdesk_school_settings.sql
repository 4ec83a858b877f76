-- A school's helpdesk settings; no row: the defaults (new tickets go to whoever carries first-line help).
create table ticket_school_setting (
    school_id   bigint primary key references school (id),
    auto_assign boolean      not null,
    version     integer      not null default 0,
    updated_at  timestamp with time zone not null,
    updated_by  varchar(320) not null
);
