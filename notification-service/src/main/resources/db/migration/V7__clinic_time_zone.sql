-- Each clinic's time zone, kept from ClinicCreated: where its clinicians' mornings are.
create table clinic (
    id        uuid primary key,
    time_zone text not null
);
