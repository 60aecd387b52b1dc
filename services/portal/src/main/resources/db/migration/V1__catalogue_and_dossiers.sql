-- Thủ tục hành chính: the catalogue of administrative procedures (one row per procedure code).
create table procedure (
    code               text primary key check (code ~ '^[0-9]\.[0-9]{6}$'),
    name               text        not null,
    field_code         text        not null,            -- mã lĩnh vực
    field_name         text        not null,            -- lĩnh vực
    agency_code        text        not null,            -- competent agency (QCVN 102 organisation code)
    agency_name        text        not null,
    level              smallint    not null check (level in (3, 4)),
    fully_online       boolean     not null,            -- toàn trình (NĐ 42/2022 Điều 11)
    time_limit_days    integer     not null check (time_limit_days > 0), -- working days
    fees               jsonb       not null default '[]',  -- [{code, name, amount}] in VND
    documents          jsonb       not null default '[]',  -- thành phần hồ sơ: [{code, name, required, copies}]
    form_schema        jsonb       not null,            -- JSON Schema 2020-12 of the form
    registry_fields    text[]      not null default '{}', -- form fields pre-filled from the population registry
    steps              jsonb       not null default '[]',  -- [{code, name, role, workingDays}]
    inter_agency       boolean     not null default false, -- needs a transfer to another agency (liên thông)
    transfer_agency_code text,
    active             boolean     not null default true,
    updated_at         timestamptz not null default now()
);

-- Hồ sơ: a citizen's dossier for one procedure, from draft to returned result.
-- status is null while the dossier is a draft; afterwards it is the national portal's TrangThaiHoSo (1–10).
create table dossier (
    id                 uuid primary key,
    code               text unique,                     -- mã số hồ sơ <agency>-YYMMDD-NNNN, set on submission
    procedure_code     text        not null references procedure (code),
    agency_code        text        not null,            -- the competent agency now handling it
    applicant_pid      text        not null,            -- the citizen's personal ID number (owner)
    applicant_name     text,
    applicant_email    text,
    channel            text        not null default 'ONLINE' check (channel in ('ONLINE', 'COUNTER', 'POSTAL')),
    status             smallint check (status between 1 and 10),
    form               jsonb       not null default '{}',
    version            integer     not null default 1,
    submission_key     text,                            -- Idempotency-Key of the submission
    created_at         timestamptz not null,
    updated_at         timestamptz not null,
    submitted_at       timestamptz,
    received_at        timestamptz,                     -- clock start (restarts once a supplement completes it)
    due_date           date,                            -- NgayHenTra in force
    rescheduled_date   date,                            -- new date from the apology, at most once
    completed_at       timestamptz,                     -- NgayKetThucXuLy
    returned_at        timestamptz,
    assignee           text,
    unique (applicant_pid, submission_key)
);
create index dossier_applicant on dossier (applicant_pid, created_at desc);
create index dossier_agency_status on dossier (agency_code, status, due_date);

-- Sổ theo dõi hồ sơ: every step of a dossier, who did it, when, with the note.
create table dossier_history (
    id                 bigserial primary key,
    dossier_id         uuid        not null references dossier (id),
    version            integer     not null,
    action             text        not null,
    from_status        smallint,
    to_status          smallint,
    actor              text        not null,
    actor_agency       text,
    at                 timestamptz not null,
    note               text,
    details            jsonb       not null default '{}'
);
create index dossier_history_dossier on dossier_history (dossier_id, id);

-- The last sequence number given per receiving agency and intake day (XXXX of the dossier code).
create table dossier_sequence (
    agency_code        text        not null,
    day                date        not null,
    last_number        integer     not null,
    primary key (agency_code, day)
);
