-- Small commitments one partner makes to the other. The words are shared by the two partners (never
-- in an event); the schedule is in the author's local time. next_due_at is the next moment a due
-- occurrence is announced, so the announcer reads only what is due, never the whole table.
create table commitment (
    id           uuid primary key,
    clinic_id    uuid        not null,
    couple_id    uuid        not null,
    author_id    uuid        not null,
    partner_id   uuid        not null,
    words        text        not null check (char_length(words) between 1 and 200),
    kind         text        not null check (kind in ('ONCE', 'DAILY', 'WEEKDAYS', 'WEEKLY')),
    due_date     date,
    due_time     time        not null,
    day_of_week  smallint check (day_of_week between 1 and 7),
    starts_on    date        not null,
    created_at   timestamptz not null,
    withdrawn_at timestamptz,
    next_due_at  timestamptz,
    check ((kind = 'ONCE') = (due_date is not null)),
    check ((kind = 'WEEKLY') = (day_of_week is not null))
);
create index commitment_by_couple on commitment (couple_id, created_at);
create index commitment_due on commitment (next_due_at) where next_due_at is not null;

-- One row per occurrence that was announced, marked or answered: the ledger of follow-through.
create table commitment_occurrence (
    commitment_id  uuid        not null references commitment (id) on delete cascade,
    due_date       date        not null,
    announced      boolean     not null default false,
    kept           boolean,
    marked_at      timestamptz,
    noticed        boolean,
    responded_at   timestamptz,
    primary key (commitment_id, due_date)
);
