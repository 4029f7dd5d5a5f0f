-- Idempotent consumers: one claim per consumer and event, forgotten after its retention, oldest
-- first. checkin- and notification-service made these in their own migrations before the platform
-- had any: on their databases every statement here finds what it would make and leaves it.
create table if not exists processed_event (
    consumer     text        not null,
    event_id     uuid        not null,
    processed_at timestamptz not null default now(),
    primary key (consumer, event_id)
);
create index if not exists processed_event_age on processed_event (processed_at);
