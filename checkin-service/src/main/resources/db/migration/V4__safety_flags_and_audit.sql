-- "I don't feel safe": one row per time a partner raised it. Read by clinic staff only; nothing the
-- other partner can reach ever joins this table.
create table safety_flag (
    id         uuid primary key,
    clinic_id  uuid        not null,
    couple_id  uuid        not null,
    partner_id uuid        not null,
    raised_at  timestamptz not null
);
create index safety_flag_by_couple on safety_flag (couple_id, raised_at);

-- Every read of a couple's data by clinic staff: who, which couple, what, when, and the request id
-- that leads back to the gateway's request (and so to where it came from).
create table audit_event (
    id          bigserial primary key,
    clinic_id   uuid        not null,
    actor_id    uuid        not null,
    actor_roles text        not null,
    action      text        not null,
    couple_id   uuid        not null,
    request_id  text,
    at          timestamptz not null default now()
);
create index audit_by_clinic_and_time on audit_event (clinic_id, at);
create index audit_by_couple on audit_event (couple_id, at);
