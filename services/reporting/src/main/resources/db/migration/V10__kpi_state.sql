-- Chỉ số Nghị quyết 17/NQ-CP: the latest known state of every dossier, payment, rating and document delivery,
-- as read from the portal's and the interchange's events. Each row merges events in an order-independent way
-- (the highest version wins, earliest times are kept with least()), so late, duplicated and out-of-order events
-- and a full replay give the same rows. The KPIs are aggregated from these rows when they are asked for.

-- Hồ sơ: one row per dossier, the fields of its highest version
CREATE TABLE kpi_dossier (
    id                uuid PRIMARY KEY,
    code              varchar(60)  NOT NULL,
    agency_code       varchar(35)  NOT NULL,
    procedure_code    varchar(8)   NOT NULL,
    level             smallint     NOT NULL,
    fully_online      boolean      NOT NULL,
    channel           varchar(10)  NOT NULL,
    status            smallint     NOT NULL,
    version           bigint       NOT NULL,
    occurred_at       timestamptz  NOT NULL,
    first_occurred_at timestamptz  NOT NULL,
    submitted_at      timestamptz,
    received_at       timestamptz,
    due_date          date,
    rescheduled_date  date,
    completed_at      timestamptz,
    -- when the dossier counts as filed: submission, else acceptance, else the first event seen
    filed_at          timestamptz GENERATED ALWAYS AS (coalesce(submitted_at, received_at, first_occurred_at)) STORED,
    applied_at        timestamptz  NOT NULL DEFAULT clock_timestamp()
);
CREATE INDEX kpi_dossier_filed ON kpi_dossier (filed_at, agency_code);
CREATE INDEX kpi_dossier_completed ON kpi_dossier (completed_at, agency_code) WHERE completed_at IS NOT NULL;
CREATE INDEX kpi_dossier_due ON kpi_dossier (due_date, agency_code) WHERE due_date IS NOT NULL;

-- Đánh giá mức độ hài lòng: the latest rating of each dossier (NĐ 61/2018 Điều 27–32)
CREATE TABLE kpi_rating (
    dossier_id  uuid PRIMARY KEY,
    agency_code varchar(35) NOT NULL,
    total       smallint    NOT NULL CHECK (total BETWEEN 0 AND 18),
    version     bigint      NOT NULL,
    rated_at    timestamptz NOT NULL,
    applied_at  timestamptz NOT NULL DEFAULT clock_timestamp()
);
CREATE INDEX kpi_rating_rated ON kpi_rating (rated_at, agency_code);

-- Thanh toán phí, lệ phí: the latest state of each payment transaction
CREATE TABLE kpi_payment (
    id          uuid PRIMARY KEY,
    dossier_id  uuid        NOT NULL,
    agency_code varchar(35) NOT NULL,
    method      varchar(16) NOT NULL,
    status      varchar(16) NOT NULL,
    amount      bigint      NOT NULL,
    version     bigint      NOT NULL,
    occurred_at timestamptz NOT NULL,
    applied_at  timestamptz NOT NULL DEFAULT clock_timestamp()
);
CREATE INDEX kpi_payment_occurred ON kpi_payment (occurred_at, agency_code) WHERE status = 'PAID';

-- Văn bản điện tử: each document accepted by the axis, with the deadline for its recipients' feedback
CREATE TABLE kpi_document (
    id           uuid PRIMARY KEY,
    document_id  varchar(200) NOT NULL,
    sender       varchar(35)  NOT NULL,
    sent_at      timestamptz  NOT NULL,
    feedback_due timestamptz  NOT NULL,
    applied_at   timestamptz  NOT NULL DEFAULT clock_timestamp()
);
CREATE INDEX kpi_document_sent ON kpi_document (sent_at, sender);

-- one row per (document, recipient); a status may arrive before the document itself
CREATE TABLE kpi_delivery (
    document_uuid    uuid        NOT NULL,
    recipient        varchar(35) NOT NULL,
    listed           boolean     NOT NULL DEFAULT false,
    delivered_at     timestamptz,
    feedback_at      timestamptz,
    last_status      varchar(2),
    last_reported_at timestamptz,
    recalled_at      timestamptz,
    applied_at       timestamptz NOT NULL DEFAULT clock_timestamp(),
    PRIMARY KEY (document_uuid, recipient)
);
CREATE INDEX kpi_delivery_recipient ON kpi_delivery (recipient);

-- full rebuilds by replay: at most one runs at a time
CREATE TABLE kpi_rebuild (
    id          uuid PRIMARY KEY,
    state       varchar(10) NOT NULL CHECK (state IN ('RUNNING', 'DONE', 'FAILED')),
    requested_by varchar(100) NOT NULL,
    started_at  timestamptz NOT NULL,
    finished_at timestamptz,
    events      bigint      NOT NULL DEFAULT 0,
    skipped     bigint      NOT NULL DEFAULT 0,
    failure     text
);
CREATE UNIQUE INDEX kpi_rebuild_one_running ON kpi_rebuild (state) WHERE state = 'RUNNING';
