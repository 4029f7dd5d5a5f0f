-- A clinician's own notes on a couple, for their sessions: read by the couple's clinician (the one
-- assigned now, so notes move with a reassigned couple), never by the partners.
create table session_note (
    id         uuid primary key,
    clinic_id  uuid        not null,
    couple_id  uuid        not null,
    author_id  uuid        not null,
    words      text        not null check (char_length(words) between 1 and 5000),
    written_at timestamptz not null
);
create index session_note_by_couple on session_note (couple_id, written_at desc);
