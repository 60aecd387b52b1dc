-- Messages are recorded in the accepting transaction and chained right after commit by one chainer at a time,
-- so accepting transactions no longer wait on each other for the chain's head.
ALTER TABLE message_log_checkpoint DROP CONSTRAINT message_log_checkpoint_seq_fkey;
ALTER TABLE message_log DROP CONSTRAINT message_log_pkey;
ALTER TABLE message_log ADD COLUMN id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY;
ALTER TABLE message_log ALTER COLUMN seq DROP NOT NULL;
ALTER TABLE message_log ALTER COLUMN prev_hash DROP NOT NULL;
ALTER TABLE message_log ALTER COLUMN hash DROP NOT NULL;
ALTER TABLE message_log ADD CONSTRAINT message_log_seq_key UNIQUE (seq);
ALTER TABLE message_log_checkpoint
    ADD CONSTRAINT message_log_checkpoint_seq_fkey FOREIGN KEY (seq) REFERENCES message_log (seq);
CREATE INDEX message_log_unchained ON message_log (id) WHERE seq IS NULL;
