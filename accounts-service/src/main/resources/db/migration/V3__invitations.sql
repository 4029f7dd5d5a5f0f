-- An invitation for one person to join a couple. The link's token is never stored, only its
-- SHA-256: a copy of this table opens no account. The token is derived from the id with a server
-- key whenever the e-mail is (re)sent, so nothing secret waits here for the mail to go out.
create table invitation (
    id                   uuid primary key,
    clinic_id            uuid        not null references clinic (id),
    couple_id            uuid        not null references couple (id),
    email                text        not null,
    first_name           text        not null,
    last_name            text        not null,
    time_zone            text        not null,
    invited_by           uuid        not null references staff (id),
    token_hash           bytea       not null unique,
    expires_at           timestamptz not null,
    accepted_at          timestamptz,
    partner_id           uuid,
    revoked_at           timestamptz,
    mail_sent_at         timestamptz,
    mail_attempts        integer     not null default 0,
    mail_next_attempt_at timestamptz not null default now(),
    mail_last_error      text,
    created_at           timestamptz not null default now()
);
create index invitation_by_couple on invitation (couple_id, created_at);
create index invitation_mail_due on invitation (mail_next_attempt_at)
    where mail_sent_at is null and accepted_at is null and revoked_at is null;
-- One live invitation per address in a clinic: enrolling the same person twice finds the first.
create unique index invitation_live_per_address on invitation (clinic_id, email)
    where accepted_at is null and revoked_at is null;

-- What each partner chose when joining; defaults only for partners who joined before invitations.
alter table partner
    add column reminder_time                    time        not null default '20:00',
    add column quiet_hours_start                time        not null default '22:00',
    add column quiet_hours_end                  time        not null default '07:00',
    add column reflections_visible_to_clinician boolean     not null default false,
    add column consent_version                  text        not null default 'v1',
    add column consented_at                     timestamptz not null default now();

-- Partners enrolled before invitations existed get an accepted invitation, so every couple lists
-- its people the same way. The hash is of a random value nobody holds.
insert into invitation (id, clinic_id, couple_id, email, first_name, last_name, time_zone, invited_by, token_hash,
                        expires_at, accepted_at, partner_id, mail_sent_at)
select gen_random_uuid(), p.clinic_id, p.couple_id, p.email, p.first_name, p.last_name, p.time_zone, c.clinician_id,
       sha256(convert_to(gen_random_uuid()::text, 'UTF8')), p.created_at, p.created_at, p.id, p.created_at
from partner p join couple c on c.id = p.couple_id;
