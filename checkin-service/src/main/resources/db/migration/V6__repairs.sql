-- A repair after a breach, walked through by both partners in order. The words of each step are
-- shared by the two of them (and their clinician), never put in an event.
create table repair (
    id                    uuid primary key,
    clinic_id             uuid        not null,
    couple_id             uuid        not null,
    opened_by             uuid        not null,
    hurt_partner_id       uuid        not null,
    responsible_partner_id uuid       not null,
    category              text        not null check (category in ('LIE_OR_CONCEALMENT', 'BROKEN_PROMISE', 'HURTFUL_WORDS', 'OTHER')),
    seriousness           smallint    not null check (seriousness between 1 and 5),
    state                 text        not null,
    hurt_feels_repaired   boolean     not null default false,
    responsible_feels_repaired boolean not null default false,
    brought_to_session_at timestamptz,
    opened_at             timestamptz not null,
    updated_at            timestamptz not null,
    closed_at             timestamptz,
    check (hurt_partner_id <> responsible_partner_id)
);
create index repair_by_couple on repair (couple_id, opened_at);

-- Every step, in order: the timeline both partners (and their clinician) read.
create table repair_step (
    repair_id  uuid        not null references repair (id) on delete cascade,
    seq        integer     not null,
    kind       text        not null,
    partner_id uuid        not null,
    words      text check (char_length(words) <= 2000),
    at         timestamptz not null,
    primary key (repair_id, seq)
);

-- The repair actions on the table: proposed by the partner who takes responsibility, and made
-- commitments once the hurt partner agrees.
create table repair_action (
    repair_id   uuid     not null references repair (id) on delete cascade,
    seq         integer  not null,
    words       text     not null check (char_length(words) between 1 and 200),
    kind        text     not null,
    due_date    date,
    due_time    time     not null,
    day_of_week smallint,
    primary key (repair_id, seq)
);

alter table commitment add column repair_id uuid references repair (id) on delete set null;
