-- What each clinic decided that this service acts on now also includes when a clinician hears of a
-- falling trend or missed days (ClinicSettingsChanged); a clinic not heard from has the defaults.
alter table clinic_schedule rename to clinic_settings;
alter table clinic_settings
    add column alert_trend_drop           numeric(4, 2) not null default 1.00,
    add column alert_days_without_checkin integer       not null default 4;

-- A falling trend told to the clinician, per partner and act, until it recovers; and each gap in a
-- partner's check-ins told, by the day of the check-in before it. Both make each alert happen once.
create table trend_drop (
    partner_id uuid not null,
    act        text not null,
    since      date not null,
    primary key (partner_id, act)
);
create table checkins_missed (
    partner_id      uuid        not null,
    last_checkin_on date        not null,
    told_at         timestamptz not null,
    primary key (partner_id, last_checkin_on)
);
