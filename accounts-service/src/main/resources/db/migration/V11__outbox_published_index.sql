-- The relay deletes events published longer ago than the retention, oldest first; without this it
-- would read the whole table to find them. Not built concurrently: Flyway's lock on PostgreSQL makes
-- CREATE INDEX CONCURRENTLY wait for Flyway itself (flyway/flyway#3508). Writes wait for the build, once:
-- seconds for a table of a few million rows.
create index outbox_published on outbox_event (published_at) where published_at is not null;
