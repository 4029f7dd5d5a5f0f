-- Staff choose their password through Keycloak's "set your password" e-mail, sent (and retried)
-- after their login is made. Staff who existed before this were given passwords another way.
alter table staff
    add column welcome_sent_at         timestamptz,
    add column welcome_attempts        integer     not null default 0,
    add column welcome_next_attempt_at timestamptz not null default now(),
    add column welcome_last_error      text;
update staff set welcome_sent_at = created_at;
