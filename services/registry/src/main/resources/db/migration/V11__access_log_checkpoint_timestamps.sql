-- Dấu thời gian của điểm kiểm tra: the RFC 3161 time-stamp token a time-stamping authority gave over the checkpoint's
-- hash (SHA-256 of its canonical text), and the time the token states. Null when no TSA is configured or it could not
-- be reached when the checkpoint was taken: the checkpoint is still stored and published, not time-stamped, and the
-- next time-stamped checkpoint (which chains to it through previous_hash) bounds when it existed. Written with the
-- row, never afterwards (the table stays append-only).
alter table access_log_checkpoint
    add column timestamp_token bytea,
    add column timestamped_at timestamptz,
    add constraint access_log_checkpoint_timestamp_complete
        check ((timestamp_token is null) = (timestamped_at is null));
