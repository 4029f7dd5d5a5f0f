-- Local projection of couples and partners, kept from accounts.couple.v1.
create table couple (
    couple_id    uuid primary key,
    clinic_id    uuid not null,
    clinician_id uuid not null
);

create table partner (
    partner_id uuid primary key,
    couple_id  uuid not null references couple (couple_id),
    clinic_id  uuid not null,
    time_zone  text not null
);
create index partner_by_couple on partner (couple_id);

-- One check-in per partner per local day; the ranges repeat the domain rule as a last line of defence.
create table checkin (
    id                 uuid primary key,
    clinic_id          uuid        not null,
    couple_id          uuid        not null,
    partner_id         uuid        not null,
    local_date         date        not null,
    follow_through     smallint    not null check (follow_through between 0 and 4),
    empathic_listening smallint    not null check (empathic_listening between 0 and 4),
    honesty            smallint    not null check (honesty between 0 and 4),
    mattering          smallint    not null check (mattering between 0 and 4),
    connected          smallint    not null check (connected between 1 and 5),
    submitted_at       timestamptz not null,
    updated_at         timestamptz not null,
    constraint one_checkin_per_partner_per_day unique (partner_id, local_date)
);
create index checkin_by_couple_day on checkin (couple_id, local_date);

-- Transactional outbox: written with the change it describes, published by the relay.
create table outbox_event (
    id           bigserial primary key,
    event_id     uuid        not null unique,
    topic        text        not null,
    record_key   text        not null,
    event_type   text        not null,
    envelope     text        not null,
    request_id   text,
    created_at   timestamptz not null default now(),
    published_at timestamptz
);
create index outbox_unpublished on outbox_event (id) where published_at is null;

create table outbox_lease (
    name       text primary key,
    holder     text        not null,
    expires_at timestamptz not null
);

-- Idempotent consumers: one row per consumer and event.
create table processed_event (
    consumer     text        not null,
    event_id     uuid        not null,
    processed_at timestamptz not null default now(),
    primary key (consumer, event_id)
);
