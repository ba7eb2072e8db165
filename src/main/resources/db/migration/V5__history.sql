-- Lab history and usage. A submitted request becomes the record of its task: its kind
-- (deletes and schedule runs will be recorded here too), and what Globus reported once
-- the task finished. completed_at is set exactly once, together with the usage roll-up.
alter table transfer_request add column task_type varchar(16) default 'TRANSFER' not null;
alter table transfer_request add column schedule_id varchar(64);
alter table transfer_request add column bytes_transferred bigint;
alter table transfer_request add column files_transferred bigint;
alter table transfer_request add column files_skipped bigint;
alter table transfer_request add column subtasks_failed bigint;
alter table transfer_request add column skipped_errors bigint;
alter table transfer_request add column faults bigint;
alter table transfer_request add column failure_kind varchar(64);
alter table transfer_request add column completed_at timestamp with time zone;
alter table transfer_request add column duration_seconds bigint;

-- History: everyone's newest first (admins), one user's newest first (members), by
-- collection; the background watcher finds a task by its id.
create index transfer_request_history on transfer_request (status, submitted_at);
create index transfer_request_owner_history on transfer_request (subject, status, submitted_at);
create index transfer_request_source_history on transfer_request (source_collection, submitted_at);
create index transfer_request_destination_history on transfer_request (destination_collection, submitted_at);
create index transfer_request_task on transfer_request (task_id);

-- The items (paths) of each submitted transfer, searchable; filled when Globus accepts
-- the request (older requests are filled from form_json when the portal starts).
create table transfer_item (
    request_id       varchar(36)   not null,
    position         integer       not null,
    source_path      varchar(4096) not null,
    destination_path varchar(4096) not null,
    recursive        boolean,
    primary key (request_id, position)
);

-- Usage per UTC day of completion, added to once per finished task by whoever records
-- its end (the background watcher or the owner's pages); the usage pages read only this.
-- Absent values are '' so that every column can be part of the key.
create table usage_daily (
    day_utc                date         not null,
    subject                varchar(64)  not null,
    username               varchar(255) not null,
    task_type              varchar(16)  not null,
    source_collection      varchar(36)  not null,
    destination_collection varchar(36)  not null,
    status                 varchar(16)  not null,
    failure_kind           varchar(64)  not null,
    tasks                  bigint       not null,
    bytes                  bigint       not null,
    files                  bigint       not null,
    primary key (day_utc, subject, task_type, source_collection, destination_collection, status, failure_kind)
);
create index usage_daily_subject on usage_daily (subject, day_utc);
create index usage_daily_source on usage_daily (source_collection, day_utc);
create index usage_daily_destination on usage_daily (destination_collection, day_utc);
