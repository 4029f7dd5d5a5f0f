-- The transactional outbox: an event is written in the transaction of the change it describes and
-- published by the relay, in id order, by the one instance that holds the lease. accounts- and
-- checkin-service made these in their own migrations before the platform had any: on their databases
-- every statement here finds what it would make and leaves it.
create table if not exists outbox_event (
    id            bigserial primary key,
    event_id      uuid        not null unique,
    topic         text        not null,
    record_key    text        not null,
    event_type    text        not null,
    envelope      text        not null,
    request_id    text,
    -- The writing request's trace (W3C traceparent and tracestate as name=value lines): the relay
    -- sends them as the record's headers, so the consumer continues that trace.
    trace_headers text,
    created_at    timestamptz not null default now(),
    published_at  timestamptz
);
create index if not exists outbox_unpublished on outbox_event (id) where published_at is null;
-- The relay deletes events published longer ago than their retention, oldest first.
create index if not exists outbox_published on outbox_event (published_at) where published_at is not null;

create table if not exists outbox_lease (
    name       text primary key,
    holder     text        not null,
    expires_at timestamptz not null
);
