-- fedgate audit log, H2 (embedded default). The Merkle tree covers entry_json only; the other
-- entry columns are search copies that the verifier checks against the JSON.
CREATE TABLE audit_log_head (
  id INT PRIMARY KEY,
  tree_size BIGINT NOT NULL
);
INSERT INTO audit_log_head (id, tree_size) VALUES (1, 0);

CREATE TABLE audit_entry (
  seq BIGINT PRIMARY KEY,
  event_time TIMESTAMP(6) WITH TIME ZONE NOT NULL,
  operation VARCHAR(32) NOT NULL,
  outcome VARCHAR(16) NOT NULL,
  actor_agency VARCHAR(32) NOT NULL,
  officer_id VARCHAR(64),
  counterpart VARCHAR(32),
  purpose VARCHAR(32),
  message_id VARCHAR(128),
  conversation_id VARCHAR(128),
  entry_json CHARACTER VARYING NOT NULL,
  leaf_hash BINARY(32) NOT NULL
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
  issued_at TIMESTAMP(3) WITH TIME ZONE NOT NULL,
  algorithm VARCHAR(16) NOT NULL,
  key_id VARCHAR(128) NOT NULL,
  signature VARCHAR(256) NOT NULL
);

CREATE TABLE audit_signing_key (
  key_id VARCHAR(128) PRIMARY KEY,
  certificate VARBINARY(16384) NOT NULL
);
