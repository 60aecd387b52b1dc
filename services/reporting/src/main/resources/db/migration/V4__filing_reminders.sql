-- Nhắc hạn gửi báo cáo: one row per reminder emailed to an agency for a regime's period, written in the same
-- transaction that sends it, so an agency is reminded at most once per period.
create table report_reminder (
    regime_code text        not null references report_regime (code) on delete cascade,
    period      text        not null,
    agency_code text        not null,
    email       text        not null,
    deadline    date        not null,
    sent_at     timestamptz not null,
    primary key (regime_code, period, agency_code)
);
