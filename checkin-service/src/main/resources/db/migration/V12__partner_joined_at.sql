-- When a partner joined (their PartnerJoined event), so a partner who has never checked in still
-- counts days without a check-in from then. Null for partners projected before this was kept.
alter table partner add column joined_at timestamptz;
