-- Files downloaded, previewed or uploaded through the portal over a collection's HTTPS
-- server, for the lab audit: who, which file, how many bytes, when, and how it ended.
create table file_access (
    id            varchar(36)   primary key,
    accessed_at   timestamp with time zone not null,
    subject       varchar(64)   not null,
    username      varchar(255),
    kind          varchar(16)   not null,
    collection_id varchar(36)   not null,
    path          varchar(4096) not null,
    bytes         bigint        not null,
    file_size     bigint,
    outcome       varchar(16)   not null,
    detail        varchar(512)
);

-- The audit's page: everyone's newest first (admins), one user's newest first (members).
create index file_access_recent on file_access (accessed_at);
create index file_access_owner_recent on file_access (subject, accessed_at);
