-- Schedules (Globus Timers). A transfer form that asks for a schedule keeps that section
-- with its draft, which becomes SCHEDULED (with schedule_id) once Timers has it; each
-- run's task is then recorded as a request of its own with the same schedule_id.
alter table transfer_request add column schedule_json varchar(2000);
create index transfer_request_schedule on transfer_request (schedule_id);

-- One row per draft that asked for a schedule: the key that makes its creation at Timers
-- happen once (Timers has no submission id). marker goes into the timer's name, so that a
-- creation whose answer was lost can be found; claimed_at marks an attempt under way.
-- Once created, the row is the portal's record of the schedule, which the background
-- watcher keeps current with its owner's tokens.
create table transfer_schedule (
    draft_id               varchar(36)   primary key,
    subject                varchar(64)   not null,
    username               varchar(255),
    marker                 varchar(32)   not null unique,
    state                  varchar(16)   not null,
    attempts               integer       not null,
    claimed_at             timestamp with time zone,
    timer_id               varchar(64)   unique,
    name                   varchar(255),
    source_collection      varchar(36),
    destination_collection varchar(36),
    timer_status           varchar(32),
    inactive_cause         varchar(64),
    status_seen_at         timestamp with time zone,
    checked_at             timestamp with time zone,
    created_at             timestamp with time zone not null,
    updated_at             timestamp with time zone not null
);
create index transfer_schedule_owner on transfer_schedule (subject, state);
create index transfer_schedule_due on transfer_schedule (state, checked_at);

-- A lab preset an admin offers as a schedule template, with the hours between runs it
-- suggests (null: not a template).
alter table transfer_preset add column schedule_interval_hours integer;
