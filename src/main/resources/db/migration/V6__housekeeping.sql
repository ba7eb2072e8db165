-- Housekeeping: the purge of expired rows runs on one instance at a time, and the
-- per-user rate limits are shared by every instance.

-- ShedLock's lock rows (net.javacrumbs.shedlock, JDBC provider, database time): which
-- instance runs a scheduled job, and until when. The schema its documentation gives.
create table shedlock (
    name       varchar(64)  not null,
    lock_until timestamp    not null,
    locked_at  timestamp    not null,
    locked_by  varchar(255) not null,
    primary key (name)
);

-- Token buckets of the per-user rate limits when the database is shared (PostgreSQL):
-- one row per user and action, updated in one statement; allowed says whether the last
-- update took a token. Idle buckets are purged.
create table rate_limit_bucket (
    bucket     varchar(128)     not null,
    tokens     double precision not null,
    updated_ms bigint           not null,
    allowed    boolean          not null,
    primary key (bucket)
);

-- What the purge looks for: open drafts by age, pending actions by expiry.
create index transfer_request_purge on transfer_request (status, updated_at);
create index pending_action_expiry on pending_action (expires_at);
