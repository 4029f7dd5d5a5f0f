-- Whether the partner lets their clinician read their private reflections; from PartnerJoined
-- (and later ConsentChanged). Until a partner says yes, the answer is no.
alter table partner add column reflections_visible_to_clinician boolean not null default false;
