-- fedgate audit log, PostgreSQL. The Merkle tree covers entry_json only; the other entry
-- columns are search copies that the verifier checks against the JSON.
CREATE TABLE audit_log_head (
  id INT PRIMARY KEY,
  tree_size BIGINT NOT NULL
);
INSERT INTO audit_log_head (id, tree_size) VALUES (1, 0);

CREATE TABLE audit_entry (
  seq BIGINT PRIMARY KEY,
  event_time TIMESTAMPTZ(6) NOT NULL,
  operation VARCHAR(32) NOT NULL,
  outcome VARCHAR(16) NOT NULL,
  actor_agency VARCHAR(32) NOT NULL,
  officer_id VARCHAR(64),
  counterpart VARCHAR(32),
  purpose VARCHAR(32),
  message_id VARCHAR(128),
  conversation_id VARCHAR(128),
  entry_json TEXT NOT NULL,
  leaf_hash BYTEA NOT NULL
);
CREATE INDEX audit_entry_time ON audit_entry (event_time);
CREATE INDEX audit_entry_counterpart ON audit_entry (counterpart);
CREATE INDEX audit_entry_officer ON audit_entry (officer_id);
CREATE INDEX audit_entry_message ON audit_entry (message_id);
CREATE INDEX audit_entry_conversation ON audit_entry (conversation_id);

CREATE TABLE audit_checkpoint (
  tree_size BIGINT PRIMARY KEY,
  origin VARCHAR(255) NOT NULL,
  root_hash CHAR(64) NOT NULL,
  issued_at TIMESTAMPTZ(3) NOT NULL,
  algorithm VARCHAR(16) NOT NULL,
  key_id VARCHAR(128) NOT NULL,
  signature VARCHAR(256) NOT NULL
);

CREATE TABLE audit_signing_key (
  key_id VARCHAR(128) PRIMARY KEY,
  certificate BYTEA NOT NULL
);

-- Defence in depth: the application never updates or deletes entries or checkpoints. An owner
-- can still drop this trigger, which is why the log is also tamper-evident (Merkle + signatures).
CREATE FUNCTION audit_append_only() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION 'audit tables are append-only';
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER audit_entry_append_only BEFORE UPDATE OR DELETE ON audit_entry
  FOR EACH ROW EXECUTE FUNCTION audit_append_only();
CREATE TRIGGER audit_checkpoint_append_only BEFORE UPDATE OR DELETE ON audit_checkpoint
  FOR EACH ROW EXECUTE FUNCTION audit_append_only();
