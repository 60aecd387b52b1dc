-- Chuyển hồ sơ liên thông: a dossier sent to another agency through the document interchange. The request is
-- stored with its signed edXML package in the officer's transaction, so nothing is lost while the interchange is
-- down; a job sends it (same bytes on every attempt) with back-off, another follows the other agency's statuses.
create sequence dossier_transfer_number;

create table dossier_transfer (
    id                 uuid primary key,
    dossier_id         uuid        not null references dossier (id),
    from_agency        text        not null,
    to_agency          text        not null,
    document_id        text        not null unique,     -- edXML DocumentId
    package            bytea       not null,            -- the signed edXML package
    state              text        not null check (state in ('PENDING', 'SENT', 'ACCEPTED', 'REFUSED', 'COMPLETED', 'FAILED')),
    attempts           integer     not null default 0,
    next_attempt_at    timestamptz not null,
    last_error         text,
    interchange_id     uuid,                            -- the interchange's document id (timeline)
    status_code        text,                            -- the other agency's last edXML status (01–06)
    requested_by       text        not null,
    requested_at       timestamptz not null,
    sent_at            timestamptz,
    updated_at         timestamptz not null
);
-- at most one open transfer per dossier
create unique index dossier_transfer_open on dossier_transfer (dossier_id) where state in ('PENDING', 'SENT', 'ACCEPTED');
create index dossier_transfer_due on dossier_transfer (next_attempt_at) where state = 'PENDING';
create index dossier_transfer_following on dossier_transfer (updated_at) where state in ('SENT', 'ACCEPTED');
