-- Which form field is pre-filled from which registry field: {"nguoiNopHoSo.hoTen": "fullName", ...}.
alter table procedure add column prefill jsonb not null default '{}';

-- Thành phần hồ sơ đính kèm: a file attached to a dossier, kept in the database (transactional with the dossier).
create table attachment (
    id                 uuid primary key,
    dossier_id         uuid        not null references dossier (id),
    document_code      text        not null,            -- which required document of the procedure it is
    file_name          text        not null,
    content_type       text        not null,            -- sniffed from the content: application/pdf, image/jpeg, image/png
    size_bytes         bigint      not null,
    sha256             text        not null,            -- hex SHA-256 of the content
    content            bytea       not null,
    uploaded_by        text        not null,
    uploaded_at        timestamptz not null
);
create index attachment_dossier on attachment (dossier_id, uploaded_at);

-- Giấy tiếp nhận hồ sơ và hẹn trả kết quả (Mẫu 01, TT 01/2018): issued once on submission, answered again as is.
create table receipt (
    dossier_id         uuid primary key references dossier (id),
    code               text        not null,
    issued_at          timestamptz not null,
    appointment_date   date        not null,
    data               jsonb       not null
);

-- The citizen's consent receipts for pre-filling a dossier from the population registry (the registry keeps the
-- authoritative receipt; this row links it to the dossier).
create table prefill_consent (
    id                 bigserial primary key,
    dossier_id         uuid        not null references dossier (id),
    registry_consent_id text,
    fields             text[]      not null,
    granted_at         timestamptz not null
);
create index prefill_consent_dossier on prefill_consent (dossier_id);

-- Thư thông báo: the mail outbox. A row per status change to tell the citizen about, written exactly once per
-- event (platform inbox); a scheduled job sends pending rows and retries with back-off while SMTP is down.
create table mail_message (
    id                 bigserial primary key,
    event_id           text        not null unique,
    dossier_id         uuid        not null references dossier (id),
    recipient          text        not null,
    subject            text        not null,
    body               text        not null,
    status             text        not null default 'PENDING' check (status in ('PENDING', 'SENT', 'FAILED')),
    attempts           integer     not null default 0,
    next_attempt_at    timestamptz not null,
    last_error         text,
    created_at         timestamptz not null,
    sent_at            timestamptz
);
create index mail_message_pending on mail_message (next_attempt_at) where status = 'PENDING';
