-- Each clinic's settings: defaults offered to partners joining, when clinicians are alerted, and
-- how often the relationship measure is asked. Other services learn them from ClinicSettingsChanged.
create table clinic_settings (
    clinic_id                  uuid primary key references clinic (id),
    default_reminder_time      time          not null default '20:00',
    default_quiet_hours_start  time          not null default '22:00',
    default_quiet_hours_end    time          not null default '07:00',
    alert_trend_drop           numeric(3, 2) not null default 1.00,
    alert_days_without_checkin integer       not null default 4,
    measure_every_days         integer       not null default 7,
    updated_at                 timestamptz   not null default now()
);
insert into clinic_settings (clinic_id) select id from clinic;
