-- Whether the computer's reported software is in the school's catalog (titles and AGENT installations); a computer
-- reported before that existed gets all of its software put there at its next inventory.
alter table agent_computer add column software_synced boolean not null default false;

-- The retention job removes old submissions by time, across schools.
create index agent_submission_at on agent_submission (at);

-- Digests of what was stored last (disks, interfaces and peripherals; the reported programs): a re-inventory that
-- reports the same skips reading and comparing those rows.
alter table agent_computer add column hardware_digest varchar(64);
alter table agent_computer add column software_digest varchar(64);
