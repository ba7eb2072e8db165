-- Notifications (issue 20): who gets e-mail and what they want, per-transfer overrides,
-- the lab webhook's settings, and the outbox every instance delivers from.

-- One row per user the portal can e-mail: the address and portal address of their last
-- login, and their choices on the account page (defaults: failure and pause; success
-- only for long transfers).
create table notification_recipient (
    subject     varchar(64)   primary key,
    username    varchar(255),
    email       varchar(320),
    portal_url  varchar(2048),
    on_success  varchar(8)    default 'LONG' not null,
    on_failure  boolean       default true   not null,
    on_inactive boolean       default true   not null,
    updated_at  timestamp with time zone not null
);

-- The transfer form's "e-mail about this transfer", by draft (transfer_request.id).
create table notification_choice (
    request_id varchar(36)  primary key,
    subject    varchar(64)  not null,
    choice     varchar(8)   not null,
    updated_at timestamp with time zone not null
);

-- Settings admins change in the portal (which events go to the lab webhook).
create table notification_setting (
    setting       varchar(64)   primary key,
    setting_value varchar(1000) not null,
    updated_by    varchar(255),
    updated_at    timestamp with time zone not null
);

-- One row per message to deliver (an e-mail or a webhook call), written in the
-- transaction that records the status change it tells of. Its id is the webhook-id.
create table notification_outbox (
    id              varchar(36)    primary key,
    channel         varchar(8)     not null,
    event_type      varchar(32)    not null,
    event_key       varchar(200)   not null,
    subject         varchar(64),
    username        varchar(255),
    recipient       varchar(320),
    request_id      varchar(36),
    task_id         varchar(64),
    label           varchar(128),
    event_json      varchar(20000) not null,
    body            varchar(200000),
    mail_subject    varchar(400),
    mail_html       varchar(200000),
    status          varchar(8)     not null,
    attempts        integer        not null,
    next_attempt_at timestamp with time zone not null,
    claimed_by      varchar(80),
    claimed_until   timestamp with time zone,
    last_error      varchar(1000),
    occurred_at     timestamp with time zone not null,
    created_at      timestamp with time zone not null,
    finished_at     timestamp with time zone
);
create unique index notification_outbox_event on notification_outbox (event_key, channel);
create index notification_outbox_due on notification_outbox (status, channel, next_attempt_at);
create index notification_outbox_subject on notification_outbox (subject, channel, created_at);
