-- How each stored token is encrypted: 1 = AES-GCM without associated data (portals
-- before this migration), 2 = AES-GCM bound to its row and column (subject, resource
-- server, column name as associated data). The Java migration 7.1 (auth.TokenBinding)
-- re-encrypts every version-1 row with the key, which only the portal knows; from then on
-- a version-1 row is never read.
alter table user_token add column cipher_version integer default 1 not null;

-- When the user last logged in or used the portal: refresh tokens idle for longer than
-- portal.auth.token-idle-lifetime are revoked at Globus and dropped.
alter table user_token add column last_used_at timestamp with time zone;
update user_token set last_used_at = updated_at;
alter table user_token alter column last_used_at set not null;
create index user_token_last_used on user_token (last_used_at);

-- Tokens to revoke at Globus that the portal no longer keeps (logout, idle, superseded):
-- kept, encrypted and bound to their row, until Globus confirms or the attempts run out.
-- Any instance may take a due row: it claims it by moving next_attempt_at on, and only
-- the instance whose update matched goes on.
create table token_revocation (
    id              varchar(36)    primary key,
    resource_server varchar(255)   not null,
    token           varchar(8000)  not null,
    reason          varchar(32)    not null,
    attempts        integer        not null,
    created_at      timestamp with time zone not null,
    next_attempt_at timestamp with time zone not null,
    last_error      varchar(255)
);
create index token_revocation_due on token_revocation (next_attempt_at);
