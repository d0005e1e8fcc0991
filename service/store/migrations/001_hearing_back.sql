-- What the Herald service heard from Sunshine Conversations, and what it still owes Zendesk.
-- Times are milliseconds since the epoch (bigint). Plain SQL: the same on PGlite and Postgres.

-- Every event id heard once: a webhook sent again (Sunshine retries) is recognised here.
CREATE TABLE herald_events (
  id text PRIMARY KEY,
  type text NOT NULL,
  heard_at bigint NOT NULL
);

-- Herald's messages as Sunshine echoed them (business conversation:message with Herald's metadata):
-- the link from a message id to its campaign and recipient.
CREATE TABLE herald_messages (
  message_id text PRIMARY KEY,
  campaign_id text NOT NULL,
  recipient integer NOT NULL,
  conversation_id text,
  sent_at bigint NOT NULL
);
CREATE INDEX herald_messages_by_conversation ON herald_messages (conversation_id, sent_at);

-- Delivery events heard before their message's echo: applied when it arrives.
CREATE TABLE herald_held (
  event_id text PRIMARY KEY,
  message_id text NOT NULL,
  kind text NOT NULL,
  at bigint NOT NULL,
  code text
);
CREATE INDEX herald_held_by_message ON herald_held (message_id);

-- Every conversation:read: it applies to the messages sent at or before it, echoed before or after.
CREATE TABLE herald_reads (
  event_id text PRIMARY KEY,
  conversation_id text NOT NULL,
  at bigint NOT NULL
);
CREATE INDEX herald_reads_by_conversation ON herald_reads (conversation_id, at);

-- Replies and reads that belong to no Herald message: kept and counted.
CREATE TABLE herald_unattributed (
  event_id text PRIMARY KEY,
  type text NOT NULL,
  conversation_id text,
  at bigint NOT NULL
);

-- What was heard about each recipient (core/delivery RecipientDelivery): each time the earliest.
-- `seq` grows with every change: the flusher writes the chunks whose rows passed its last flush.
CREATE SEQUENCE herald_delivery_seq;
CREATE TABLE herald_deliveries (
  campaign_id text NOT NULL,
  recipient integer NOT NULL,
  delivered_at bigint,
  read_at bigint,
  failed_at bigint,
  code text,
  replied_at bigint,
  opted_out_at bigint,
  last_heard_at bigint NOT NULL,
  seq bigint NOT NULL,
  PRIMARY KEY (campaign_id, recipient)
);
CREATE INDEX herald_deliveries_by_seq ON herald_deliveries (campaign_id, seq);

-- How far each campaign's outcomes were written back to Zendesk.
CREATE TABLE herald_flushes (
  campaign_id text PRIMARY KEY,
  flushed_seq bigint NOT NULL,
  flushed_at bigint NOT NULL
);

-- Work owed to Zendesk after a commit (opt-out, opt-in, a number heard as not on WhatsApp or
-- capped): done after the commit, again after a crash, until it succeeds.
CREATE TABLE herald_effects (
  id bigserial PRIMARY KEY,
  kind text NOT NULL,
  campaign_id text NOT NULL,
  recipient integer NOT NULL,
  code text,
  at bigint NOT NULL,
  done_at bigint
);
CREATE INDEX herald_effects_pending ON herald_effects (id) WHERE done_at IS NULL;

-- Campaigns the service paused (once each).
CREATE TABLE herald_pauses (
  campaign_id text PRIMARY KEY,
  reason text NOT NULL,
  at bigint NOT NULL
);

-- The service's own values (the registered webhook's id and secret).
CREATE TABLE herald_values (
  name text PRIMARY KEY,
  value text NOT NULL
);
