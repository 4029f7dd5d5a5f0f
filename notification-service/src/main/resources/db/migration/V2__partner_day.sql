-- Each partner's day as they chose it when joining, for reminders that respect it. Empty for
-- partners projected before PartnerJoined carried it.
alter table couple_member
    add column time_zone         text,
    add column reminder_time     time,
    add column quiet_hours_start time,
    add column quiet_hours_end   time;

-- The kinds of notification the partner turned off (contracts' NotificationType names).
alter table couple_member add column muted_notifications text[] not null default '{}';
