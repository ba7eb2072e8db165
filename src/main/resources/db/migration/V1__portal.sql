-- Tokens Globus issued to each user, one row per resource server; token values are
-- encrypted by the portal before they get here.
create table user_token (
    subject          varchar(64)     not null,
    resource_server  varchar(255)    not null,
    access_token     varchar(8000)   not null,
    refresh_token    varchar(8000),
    expires_at       timestamp with time zone not null,
    scope            varchar(4000),
    dependent_scopes varchar(16000)  not null,
    updated_at       timestamp with time zone not null,
    primary key (subject, resource_server)
);

-- Dependent scopes (data_access) each Globus identity has consented to through the portal.
create table remembered_consent (
    subject    varchar(64)   not null,
    scope      varchar(512)  not null,
    granted_at timestamp with time zone not null,
    primary key (subject, scope)
);

-- Work to resume after a trip to Globus Auth: single use, expiring, bound to one user.
create table pending_action (
    id                       varchar(36)    primary key,
    subject                  varchar(64)    not null,
    kind                     varchar(32)    not null,
    target                   varchar(2048)  not null,
    required_scopes          varchar(16000) not null,
    authorization_parameters varchar(16000),
    created_at               timestamp with time zone not null,
    expires_at               timestamp with time zone not null,
    used_at                  timestamp with time zone
);

-- A transfer from the moment its form is opened: the draft, then the submission record.
create table transfer_request (
    id                     varchar(36)     primary key,
    subject                varchar(64)     not null,
    username               varchar(255),
    status                 varchar(16)     not null,
    source_collection      varchar(36),
    destination_collection varchar(36),
    label                  varchar(128),
    form_json              varchar(1000000),
    submission_id          varchar(64),
    task_id                varchar(64),
    consent_trips          integer         not null,
    message                varchar(2000),
    created_at             timestamp with time zone not null,
    updated_at             timestamp with time zone not null,
    submitted_at           timestamp with time zone
);
create index transfer_request_subject on transfer_request (subject, created_at);
