-- Transactional outbox: events written in the same transaction as the state change they describe,
-- published to Kafka by the relay (OutboxRelay) as CloudEvents in binary mode.
CREATE TABLE outbox_event (
    position        bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    id              uuid        NOT NULL UNIQUE,
    topic           text        NOT NULL,
    kafka_key       text,
    type            text        NOT NULL,
    source          text        NOT NULL,
    subject         text,
    time            timestamptz NOT NULL,
    data            jsonb       NOT NULL,
    traceparent     text,
    created_at      timestamptz NOT NULL DEFAULT clock_timestamp(),
    published_at    timestamptz,
    attempts        integer     NOT NULL DEFAULT 0,
    next_attempt_at timestamptz NOT NULL DEFAULT clock_timestamp(),
    last_error      text
);

-- The relay's work queue: only unpublished rows, in commit-ish order.
CREATE INDEX outbox_event_pending ON outbox_event (position) WHERE published_at IS NULL;
-- Retention of published rows.
CREATE INDEX outbox_event_published_at ON outbox_event (published_at) WHERE published_at IS NOT NULL;

-- Inbox: one row per (consumer, CloudEvent id) whose effect has been applied, written in the same
-- transaction as the effect.
CREATE TABLE inbox_message (
    consumer    text        NOT NULL,
    event_id    text        NOT NULL,
    received_at timestamptz NOT NULL DEFAULT clock_timestamp(),
    PRIMARY KEY (consumer, event_id)
);
