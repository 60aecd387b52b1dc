-- Phản ánh, kiến nghị (PAKN): a citizen's feedback or petition to a competent agency, optionally about one of their
-- dossiers; the agency's officers answer it and may publish the answer (published without the submitter's data).
create table feedback (
    id               uuid primary key,
    code             text        not null unique,            -- PAKN-<yyyy>-<6 digits>
    kind             text        not null check (kind in ('FEEDBACK', 'PETITION')),
    agency_code      text        not null,
    dossier_id       uuid references dossier (id),
    title            text        not null,
    content          text        not null,
    submitter_pid    text        not null,
    submitted_at     timestamptz not null,
    status           text        not null check (status in ('RECEIVED', 'ANSWERED')),
    answer           text,
    answered_by      text,
    answered_at      timestamptz,
    published        boolean     not null default false,
    public_question  text,                                  -- the question as published (personal data removed)
    published_at     timestamptz,
    version          integer     not null default 1,
    check (status = 'ANSWERED' or not published)
);
create index feedback_agency on feedback (agency_code, status, submitted_at desc);
create index feedback_submitter on feedback (submitter_pid, submitted_at desc);
create index feedback_published on feedback (published_at desc) where published;
create sequence feedback_number;
