-- Who a partner can turn to when they do not feel safe, in the clinic's own words: shown to the
-- clinic's partners on Today. Empty until the admin writes them.
alter table clinic_settings
    add column crisis_contacts text not null default '' check (char_length(crisis_contacts) <= 1000);
