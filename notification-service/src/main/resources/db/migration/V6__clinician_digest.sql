-- What goes into a clinician's next morning digest: one row per event, for the couple's clinician
-- when it happened. A replayed event adds nothing.
create table digest_item (
    source_event_id uuid primary key,
    clinician_id    uuid        not null,
    clinic_id       uuid        not null,
    couple_id       uuid        not null,
    reason          text        not null,
    occurred_at     timestamptz not null default now(),
    -- The digest notification that reported it; null until then.
    digest_id       uuid
);
create index digest_item_waiting on digest_item (clinician_id) where digest_id is null;

-- When each clinician's next digest is due; claimed for a lease like reminders.
create table digest_schedule (
    clinician_id  uuid primary key,
    clinic_id     uuid        not null,
    due_at        timestamptz not null,
    claimed_by    text,
    claimed_until timestamptz
);
create index digest_schedule_due on digest_schedule (due_at);
