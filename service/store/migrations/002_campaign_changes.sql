-- The last change heard per campaign, written with each batch: the flusher finds the campaigns it
-- owes Zendesk a write in this small table, instead of scanning every recipient every second.
CREATE TABLE herald_campaign_changes (
  campaign_id text PRIMARY KEY,
  seq bigint NOT NULL,
  heard_at bigint NOT NULL
);
INSERT INTO herald_campaign_changes (campaign_id, seq, heard_at)
  SELECT campaign_id, max(seq), max(last_heard_at) FROM herald_deliveries GROUP BY campaign_id;
