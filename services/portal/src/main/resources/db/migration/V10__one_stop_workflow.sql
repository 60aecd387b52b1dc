-- Cán bộ của cơ quan: the agency staff the desk has seen (from their access tokens), so a dossier is assigned
-- only to an officer of the same agency.
create table desk_officer (
    username           text        not null,
    agency_code        text        not null,
    roles              text[]      not null default '{}',
    last_seen_at       timestamptz not null,
    primary key (agency_code, username)
);

-- Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ (TT 01/2018 Mẫu 02): one request listing everything missing; the
-- clock restarts when the citizen completes it.
create table supplement_request (
    id                 bigserial primary key,
    dossier_id         uuid        not null references dossier (id),
    requested_at       timestamptz not null,
    requested_by       text        not null,
    items              jsonb       not null,           -- [{code, name, reason}]
    completed_at       timestamptz,
    supplied           jsonb
);
-- at most one open request per dossier
create unique index supplement_request_open on supplement_request (dossier_id) where completed_at is null;

-- Hồ sơ quá hạn: set by the overdue job when the promised date has passed and the dossier is not done; cleared
-- when the clock restarts after a supplement.
create table dossier_overdue (
    dossier_id         uuid primary key references dossier (id),
    promised_date      date        not null,
    flagged_at         timestamptz not null
);
