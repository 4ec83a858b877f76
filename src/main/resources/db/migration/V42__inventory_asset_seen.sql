-- When an inventory agent (or a scan, or a person) last saw the asset, and the SMBIOS system UUID agents report.
-- Both belong to the inventory so that its filters ("not seen for N days") and matching work without the agents module.
alter table asset add column last_seen_at timestamp with time zone;
alter table asset add column system_uuid varchar(64);
create index asset_school_seen on asset (school_id, last_seen_at);
create index asset_school_uuid on asset (school_id, system_uuid);
