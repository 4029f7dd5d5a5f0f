-- Which subjects a person wants by e-mail too; in the feed they always are. No row: the subject's default.
create table email_preference (
    person_id  uuid        not null,
    subject    text        not null,
    emailed    boolean     not null,
    changed_at timestamptz not null default now(),
    primary key (person_id, subject)
);

-- Each notification's delivery on each channel: in the feed at once, by e-mail when wanted.
create table delivery (
    id              uuid primary key,
    notification_id uuid        not null references notification (id) on delete cascade,
    recipient_id    uuid        not null,
    channel         text        not null,
    -- PENDING until SENT; FAILED after the last try; SKIPPED when no longer wanted or no address.
    state           text        not null,
    attempts        int         not null default 0,
    next_attempt_at timestamptz not null default now(),
    created_at      timestamptz not null default now(),
    finished_at     timestamptz,
    constraint one_delivery_per_channel unique (notification_id, channel)
);
create index delivery_due on delivery (next_attempt_at) where state = 'PENDING';
create index delivery_by_recipient on delivery (recipient_id, created_at desc);

-- Every attempt, with what came of it: the delivery log.
create table delivery_attempt (
    delivery_id  uuid        not null references delivery (id) on delete cascade,
    attempted_at timestamptz not null default now(),
    result       text        not null,
    -- Why it failed, as an exception type: never a message, which could quote an address.
    detail       text
);
create index delivery_attempt_by_delivery on delivery_attempt (delivery_id, attempted_at);
