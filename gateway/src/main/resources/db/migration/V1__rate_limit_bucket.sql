-- Token buckets of the per-client rate limits, shared by every gateway replica (Bucket4j, SELECT ... FOR UPDATE).
CREATE TABLE rate_limit_bucket (
    id         VARCHAR(255) PRIMARY KEY,  -- client:<azp> | user:<username> | ip:<address>
    state      BYTEA,                     -- Bucket4j's serialised bucket state
    expires_at BIGINT                     -- epoch milliseconds after which the row may be deleted
);

CREATE INDEX rate_limit_bucket_expires_at ON rate_limit_bucket (expires_at);
