-- Which instance of the service runs which campaign: one row a campaign, taken when free or
-- expired (an instance that died lets go by expiry), renewed by its runner's heartbeat.
CREATE TABLE herald_run_claims (
  campaign_id text PRIMARY KEY,
  instance text NOT NULL,
  expires_at bigint NOT NULL
);
