-- Transfer recipes a lab admin shares with the lab: the transfer form as JSON, started by
-- members in one click. name_key (the name lower-cased) keeps names unique on H2 and
-- PostgreSQL alike; version guards against two admins overwriting each other's edits.
create table transfer_preset (
    id          varchar(36)     primary key,
    name        varchar(80)     not null,
    name_key    varchar(80)     not null unique,
    description varchar(500)    not null,
    form_json   varchar(1000000) not null,
    version     integer         not null,
    created_by  varchar(255)    not null,
    created_at  timestamp with time zone not null,
    updated_by  varchar(255)    not null,
    updated_at  timestamp with time zone not null
);
