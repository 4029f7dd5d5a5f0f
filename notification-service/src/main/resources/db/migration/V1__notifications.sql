-- Who is in which couple, kept from accounts.couple.v1.
create table couple_member (
    partner_id uuid primary key,
    couple_id  uuid not null,
    clinic_id  uuid not null
);
create index couple_member_by_couple on couple_member (couple_id);

-- The in-app feed. A notification derives from one event per recipient, so a replayed event
-- creates nothing new.
create table notification (
    id              uuid primary key,
    clinic_id       uuid        not null,
    recipient_id    uuid        not null,
    kind            text        not null,
    title           text        not null,
    body            text,
    link            text,
    source_event_id uuid        not null,
    created_at      timestamptz not null default now(),
    read_at         timestamptz,
    constraint one_notification_per_event_and_recipient unique (recipient_id, source_event_id)
);
create index notification_feed on notification (recipient_id, created_at desc);

-- Idempotent consumers: one row per consumer and event.
create table processed_event (
    consumer     text        not null,
    event_id     uuid        not null,
    processed_at timestamptz not null default now(),
    primary key (consumer, event_id)
);
