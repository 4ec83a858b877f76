-- The day each school's digest went out: claimed before sending, so with several app nodes a school gets one a day.
create table helpdesk_digest_sent (
    school_id bigint not null references school (id),
    sent_on   date   not null,
    primary key (school_id, sent_on)
);
