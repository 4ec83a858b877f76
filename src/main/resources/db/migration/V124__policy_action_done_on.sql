-- The day an action was marked done (cleared when it is reopened), so a goal's progress can be followed over the year.
alter table policy_action add column done_on date;
