-- A partner who erased their account: their invitation keeps only that someone joined and left,
-- without address or name.
alter table invitation add column left_at timestamptz;

-- Logins still to remove from Keycloak after an erasure was stored; a worker retries until
-- Keycloak has done it, so a person's login never outlives their erasure.
create table login_deletion (
    login_id     uuid primary key,
    requested_at timestamptz not null default now(),
    attempts     integer     not null default 0,
    last_error   text
);
