-- How often each clinic asks its partners the relationship measure, kept from ClinicSettingsChanged.
-- A clinic this service has not heard from yet asks weekly, the default.
create table clinic_schedule (
    clinic_id          uuid primary key,
    measure_every_days integer not null check (measure_every_days between 1 and 365)
);

-- A partner's answers to a measure, scored with the definition's version they answered. Only the
-- partner and their clinician read them; never the other partner.
create table measure_response (
    id              uuid primary key,
    clinic_id       uuid          not null,
    couple_id       uuid          not null,
    partner_id      uuid          not null,
    measure_id      text          not null,
    measure_version text          not null,
    local_date      date          not null,
    answers         text          not null,
    score           numeric(6, 2) not null,
    below_cut_off   boolean       not null,
    completed_at    timestamptz   not null,
    constraint one_response_per_partner_per_day unique (partner_id, measure_id, local_date)
);
create index measure_response_by_partner on measure_response (partner_id, measure_id, local_date);
