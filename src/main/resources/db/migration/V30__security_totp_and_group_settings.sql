-- The last TOTP time step accepted for an account, so a code cannot be used twice.
alter table account add column totp_last_step bigint;

-- Settings of the whole school group, changed by central admins (e.g. whether they must use a second factor).
create table group_setting (
    setting_key   varchar(100) primary key,
    setting_value varchar(500) not null,
    updated_at    timestamp with time zone not null,
    updated_by    varchar(320) not null
);
