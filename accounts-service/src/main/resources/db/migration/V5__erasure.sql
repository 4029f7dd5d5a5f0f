-- A partner who erased their account: their invitation keeps only that someone joined and left,
-- without address or name.
alter table invitation add column left_at timestamptz;

-- Changes to logins in Keycloak that a stored change here requires (remove the login of an erased
-- partner, disable the logins of a deactivated clinic). Written in the same transaction as that
-- change; a worker retries until Keycloak has done it, so a login never outlives its reason.
create table login_change (
    login_id     uuid        not null,
    action       text        not null check (action in ('DELETE', 'DISABLE')),
    requested_at timestamptz not null default now(),
    attempts     integer     not null default 0,
    last_error   text,
    primary key (login_id, action)
);
