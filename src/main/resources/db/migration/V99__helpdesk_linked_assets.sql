-- More devices a ticket is about besides the one it was reported with (e.g. three PCs of one classroom).
create table ticket_linked_asset (
    ticket_id  bigint      not null references ticket (id) on delete cascade,
    asset_id   bigint      not null,
    asset_tag  varchar(30) not null,
    linked_at  timestamp with time zone not null,
    linked_by  varchar(320) not null,
    primary key (ticket_id, asset_id)
);
create index ticket_linked_asset_by_asset on ticket_linked_asset (asset_id);
