-- Each couple's clinician, kept from CoupleEnrolled: the person told when a partner leaves.
create table couple_clinician (
    couple_id    uuid primary key,
    clinic_id    uuid not null,
    clinician_id uuid not null
);
