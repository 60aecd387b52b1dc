-- Văn bản: every accepted package, stored exactly as received, with its SHA-256.
CREATE TABLE document (
    id              uuid PRIMARY KEY,
    document_id     varchar(200) NOT NULL UNIQUE,
    sender_id       uuid         NOT NULL REFERENCES agency (id),
    sender_code     varchar(35)  NOT NULL,
    code_number     varchar(20)  NOT NULL,
    code_notation   varchar(100) NOT NULL,
    promulgation_date date       NOT NULL,
    subject         text         NOT NULL,
    priority        smallint     NOT NULL,
    business_type   smallint     NOT NULL DEFAULT 0,
    related_document_id varchar(200),
    package         bytea        NOT NULL,
    package_sha256  char(64)     NOT NULL,
    package_size    integer      NOT NULL,
    received_at     timestamptz  NOT NULL,
    received_by     text         NOT NULL
);
CREATE INDEX document_sender ON document (sender_id, received_at DESC);

-- Một lần chuyển giao: one per (document, recipient); the unique key is what makes delivery exactly once.
CREATE TABLE delivery (
    id              uuid PRIMARY KEY,
    document_id     uuid        NOT NULL REFERENCES document (id),
    recipient_id    uuid        NOT NULL REFERENCES agency (id),
    recipient_code  varchar(35) NOT NULL,
    urgency         smallint    NOT NULL,
    state           varchar(12) NOT NULL CHECK (state IN ('PENDING', 'DELIVERED', 'RECALLED')),
    status_code     char(2),
    recall_pending  boolean     NOT NULL DEFAULT false,
    created_at      timestamptz NOT NULL,
    delivered_at    timestamptz,
    acknowledged_by text,
    UNIQUE (document_id, recipient_id)
);
-- The inbox query: a recipient's pending deliveries, most urgent first, oldest first within a rank.
CREATE INDEX delivery_inbox ON delivery (recipient_id, urgency DESC, created_at, id) WHERE state = 'PENDING';

-- Dòng thời gian: what happened to each delivery (created, delivered, each status package), in order.
CREATE TABLE delivery_event (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    delivery_id  uuid        NOT NULL REFERENCES delivery (id),
    kind         varchar(20) NOT NULL,
    status_code  char(2),
    description  text,
    reported_at  timestamptz,
    recorded_at  timestamptz NOT NULL,
    actor        text,
    package      bytea,
    package_sha256 char(64)
);
CREATE INDEX delivery_event_delivery ON delivery_event (delivery_id, id);

-- Events for interchange.document.v1, written in the transaction of the change they describe.
CREATE TABLE document_event_outbox (
    position     bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    id           uuid        NOT NULL UNIQUE,
    type         text        NOT NULL,
    subject      text        NOT NULL,
    time         timestamptz NOT NULL,
    data         jsonb       NOT NULL,
    published_at timestamptz
);
CREATE INDEX document_event_outbox_pending ON document_event_outbox (position) WHERE published_at IS NULL;

-- Refused attempts: every package or status package the axis turned down, and why (nothing else is kept).
CREATE TABLE refused_attempt (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    at            timestamptz NOT NULL,
    endpoint      text        NOT NULL,
    caller        text,
    caller_agency varchar(35),
    problem_code  text        NOT NULL,
    detail        text,
    body_sha256   char(64),
    body_size     integer
);
CREATE INDEX refused_attempt_at ON refused_attempt (at DESC);
