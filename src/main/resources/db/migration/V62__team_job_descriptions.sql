-- A member's job description (functiebeschrijving) as the school edited it before printing; without a row the text is
-- generated from the member's tasks, the competences of their clusters and the generic competences.
create table team_job_description (
    member_id   bigint        primary key references team_member (id),
    school_id   bigint        not null references school (id),
    body        varchar(20000) not null,
    version     integer       not null default 0,
    updated_at  timestamp with time zone not null,
    updated_by  varchar(320)  not null
);
