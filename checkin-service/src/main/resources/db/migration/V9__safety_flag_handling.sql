-- Clinic staff acknowledge a safety flag with a note, and later resolve it. Nothing is overwritten:
-- who did what and when stays with the flag. The partner who raised it is never told its state.
alter table safety_flag
    add column acknowledged_at   timestamptz,
    add column acknowledged_by   uuid,
    add column acknowledgement   text check (char_length(acknowledgement) <= 2000),
    add column resolved_at       timestamptz,
    add column resolved_by       uuid,
    add column resolution        text check (char_length(resolution) <= 2000),
    add constraint resolved_after_acknowledged check (resolved_at is null or acknowledged_at is not null);
