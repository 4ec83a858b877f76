-- A ticket merged into another (the same problem reported twice): it is closed and points to the one that stays.
create table ticket_merge (
    ticket_id      bigint primary key references ticket (id),
    merged_into_id bigint       not null references ticket (id),
    merged_by      varchar(320) not null,
    merged_at      timestamp with time zone not null
);
create index ticket_merge_into on ticket_merge (merged_into_id);

-- People who follow a ticket besides its reporter (the reporter of a duplicate merged into it): they see it and its
-- public conversation and hear of its changes.
create table ticket_follower (
    ticket_id bigint not null references ticket (id),
    person_id bigint not null,
    since     timestamp with time zone not null,
    primary key (ticket_id, person_id)
);
create index ticket_follower_person on ticket_follower (person_id, ticket_id);
