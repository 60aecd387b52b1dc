-- Nhật ký thông điệp: hash-chained log of every accepted package and status package.
CREATE TABLE message_log (
    seq            bigint PRIMARY KEY,
    recorded_at    timestamptz  NOT NULL,
    kind           varchar(10)  NOT NULL,
    document_id    varchar(200) NOT NULL,
    actor          varchar(35)  NOT NULL,
    status_code    char(2),
    content_sha256 char(64)     NOT NULL,
    prev_hash      char(64)     NOT NULL,
    hash           char(64)     NOT NULL UNIQUE
);

-- Checkpoints: the head hash at seq, sealed with an RFC 3161 time-stamp token (DER).
CREATE TABLE message_log_checkpoint (
    seq             bigint PRIMARY KEY REFERENCES message_log (seq),
    hash            char(64)    NOT NULL,
    created_at      timestamptz NOT NULL,
    timestamp_token bytea       NOT NULL
);

-- The axis's own time-stamping key and certificate (issued by the development CA) until a platform TSA exists.
CREATE TABLE timestamp_authority (
    id          smallint PRIMARY KEY CHECK (id = 1),
    certificate bytea       NOT NULL,
    private_key bytea       NOT NULL,
    created_at  timestamptz NOT NULL
);
