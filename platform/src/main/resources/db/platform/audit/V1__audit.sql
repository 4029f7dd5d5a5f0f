-- Every read of a couple's data by clinic staff: who, which couple, what, when, the request id that
-- leads back to the gateway's request, and where it came from as the gateway saw it ("203.0.113.7",
-- or "203.0.113.7 via 10.0.0.5" through web-ui or an ingress). accounts- and checkin-service made
-- these in their own migrations before the platform had any: on their databases every statement
-- here finds what it would make and leaves it.
create table if not exists audit_event (
    id             bigserial primary key,
    clinic_id      uuid        not null,
    actor_id       uuid        not null,
    actor_roles    text        not null,
    action         text        not null,
    couple_id      uuid        not null,
    request_id     text,
    client_address text check (char_length(client_address) <= 200),
    at             timestamptz not null default now()
);
create index if not exists audit_by_clinic_and_time on audit_event (clinic_id, at);
create index if not exists audit_by_couple on audit_event (couple_id, at);
create index if not exists audit_by_actor on audit_event (clinic_id, actor_id, at);
