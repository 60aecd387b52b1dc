-- Điểm kiểm tra nhật ký truy cập: signed checkpoints of the access log's chain heads. Each row is what was signed
-- (body: the canonical text of vn.egov.registry.access-log.checkpoint.v1, see Checkpoint.canonical), its SHA-256,
-- the Ed25519 signature and the id of the signing key. Checkpoints chain: previous_hash is the hash of the previous
-- one. The same checkpoint goes out on Kafka (registry.access-log.v1) through the outbox, where it is kept outside
-- this database: that copy, not this table, is the anchor an auditor trusts.
create table access_log_checkpoint (
    number bigint primary key check (number > 0),
    created_at timestamptz not null,
    previous_hash bytea not null check (length(previous_hash) = 32),
    body text not null,
    hash bytea not null unique check (length(hash) = 32),
    key_id bigint not null,
    signature bytea not null
);

create trigger access_log_checkpoint_append_only before update or delete on access_log_checkpoint
    for each row execute function refuse_change();
create trigger access_log_checkpoint_no_truncate before truncate on access_log_checkpoint
    for each statement execute function refuse_change();
revoke update, delete, truncate on access_log_checkpoint from public;
