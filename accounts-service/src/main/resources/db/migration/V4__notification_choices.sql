-- The kinds of notification a partner turned off (names of contracts' NotificationType).
alter table partner add column muted_notifications text[] not null default '{}';
