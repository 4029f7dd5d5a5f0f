-- Where a read came from, as the gateway saw it: "203.0.113.7", or "203.0.113.7 via 10.0.0.5" when
-- it came through web-ui or an ingress. Null for rows written before this was recorded.
alter table audit_event add column client_address text check (char_length(client_address) <= 200);
create index audit_by_actor on audit_event (clinic_id, actor_id, at);
