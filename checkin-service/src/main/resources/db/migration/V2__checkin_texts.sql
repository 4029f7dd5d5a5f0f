-- The two optional texts of a check-in. The appreciation is shared with the partner; the private
-- reflection is returned to its author only. Neither ever travels in an event.
alter table checkin
    add column appreciation       text check (char_length(appreciation) <= 500),
    add column private_reflection text check (char_length(private_reflection) <= 2000);
