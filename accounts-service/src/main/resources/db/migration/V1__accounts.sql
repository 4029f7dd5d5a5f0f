-- Clinics are the tenants: every other row names its clinic.
create table clinic (
    id         uuid primary key,
    name       text        not null,
    time_zone  text        not null,
    active     boolean     not null default true,
    created_at timestamptz not null default now()
);

-- Clinicians and clinic admins; id is their login's subject in Keycloak.
create table staff (
    id         uuid primary key,
    clinic_id  uuid        not null references clinic (id),
    email      text        not null unique,
    first_name text        not null,
    last_name  text        not null,
    role       text        not null check (role in ('clinician', 'clinic-admin')),
    active     boolean     not null default true,
    created_at timestamptz not null default now()
);
create index staff_by_clinic on staff (clinic_id);

create table couple (
    id           uuid primary key,
    clinic_id    uuid        not null references clinic (id),
    clinician_id uuid        not null references staff (id),
    created_at   timestamptz not null default now()
);
create index couple_by_clinician on couple (clinic_id, clinician_id);

-- Partners; id is their login's subject in Keycloak.
create table partner (
    id         uuid primary key,
    couple_id  uuid        not null references couple (id),
    clinic_id  uuid        not null references clinic (id),
    email      text        not null unique,
    first_name text        not null,
    last_name  text        not null,
    time_zone  text        not null,
    created_at timestamptz not null default now()
);
create index partner_by_couple on partner (couple_id);

-- Transactional outbox: written with the change it describes, published by the relay.
create table outbox_event (
    id           bigserial primary key,
    event_id     uuid        not null unique,
    topic        text        not null,
    record_key   text        not null,
    event_type   text        not null,
    envelope     text        not null,
    request_id   text,
    created_at   timestamptz not null default now(),
    published_at timestamptz
);
create index outbox_unpublished on outbox_event (id) where published_at is null;

create table outbox_lease (
    name       text primary key,
    holder     text        not null,
    expires_at timestamptz not null
);
