-- Báo cáo đã gửi — every accepted filing of a regime's period by an agency. A correction is a new version; all
-- versions are kept and the highest one counts. Refused filings are never stored.
create table report_submission (
    id              uuid        primary key,
    regime_code     text        not null references report_regime (code),
    period          text        not null,
    agency_code     text        not null,
    version         integer     not null check (version >= 1),
    report_values   jsonb       not null,
    note            text,
    submitted_by    text        not null,
    submitted_at    timestamptz not null,
    deadline        date        not null,
    late            boolean     not null,                  -- filed after the period's deadline
    channel         text        not null default 'API',
    idempotency_key text,                                  -- Idempotency-Key of the request, if any
    unique (regime_code, period, agency_code, version),
    unique (regime_code, period, agency_code, idempotency_key)
);
create index report_submission_period on report_submission (regime_code, period);
