-- The task's status at Globus as the portal last saw it (task page, activity list, or the
-- background refresh with the owner's tokens), for the lab audit's "current status".
alter table transfer_request add column task_status varchar(16);
alter table transfer_request add column status_checked_at timestamp with time zone;
