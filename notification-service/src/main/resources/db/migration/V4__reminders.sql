-- Each partner's next daily reminder. The scheduler claims due rows in batches for a while (a
-- lease), so several instances share the work, and a claim left by an instance that died expires.
create table reminder (
    partner_id      uuid primary key,
    clinic_id       uuid        not null,
    -- Null while nothing is scheduled, e.g. a check-in seen before the partner's PartnerJoined.
    due_at          timestamptz,
    -- Reminders sent since their last check-in: three in a row and Tend steps back to weekly.
    unanswered      int         not null default 0,
    last_sent_at    timestamptz,
    last_checkin_on date,
    claimed_by      text,
    claimed_until   timestamptz
);
create index reminder_due on reminder (due_at) where due_at is not null;
