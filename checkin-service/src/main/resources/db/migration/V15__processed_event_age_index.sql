-- Claims of handled events are forgotten after a retention, oldest first; without this the service
-- would read the whole table to find them.
create index processed_event_age on processed_event (processed_at);
