-- Chế độ báo cáo — report regimes (Decree 09/2019/NĐ-CP art. 7, 11, 12): what is reported, by whom, to whom,
-- how often, by which deadline, with which outline and data tables.
create table report_regime (
    code             text        primary key,
    name             text        not null,
    legal_basis      text        not null,
    frequency        text        not null check (frequency in ('MONTH', 'QUARTER', 'HALF_YEAR', 'YEAR', 'AD_HOC')),
    deadline_day     integer     check (deadline_day between 15 and 28),  -- periodic regimes only
    receiving_agency text        not null,                                -- QCVN 102 organisation code
    outline          jsonb       not null default '[]',                   -- mẫu đề cương: section headings
    version          integer     not null default 1,
    created_at       timestamptz not null,
    updated_at       timestamptz not null,
    check ((frequency = 'AD_HOC') = (deadline_day is null))
);

-- Cơ quan thực hiện báo cáo: the agencies that must file, with the address reminders go to.
create table report_regime_agency (
    regime_code text not null references report_regime (code) on delete cascade,
    agency_code text not null,
    agency_name text not null,
    email       text,
    primary key (regime_code, agency_code)
);

-- Biểu mẫu số liệu: the data tables of a regime, in order.
create table report_data_table (
    regime_code text    not null references report_regime (code) on delete cascade,
    code        text    not null,
    title       text    not null,
    position    integer not null,
    primary key (regime_code, code)
);

-- Chỉ tiêu: one indicator of a data table, with its validation rules and how agencies' values aggregate.
create table report_indicator (
    regime_code text    not null,
    table_code  text    not null,
    code        text    not null,
    name        text    not null,
    unit        text,
    type        text    not null check (type in ('INTEGER', 'DECIMAL', 'PERCENT', 'TEXT', 'BOOLEAN')),
    required    boolean not null default false,
    min_value   numeric,
    max_value   numeric,
    max_length  integer,
    aggregation text    not null check (aggregation in ('SUM', 'AVERAGE', 'MAX', 'NONE')),
    position    integer not null,
    primary key (regime_code, code),
    foreign key (regime_code, table_code) references report_data_table (regime_code, code) on delete cascade
);

-- Đợt báo cáo đột xuất: the periods of an ad hoc regime, set by the issuing body.
create table report_ad_hoc_period (
    regime_code text not null references report_regime (code) on delete cascade,
    label       text not null,
    from_date   date not null,
    to_date     date not null,
    deadline    date not null,
    primary key (regime_code, label),
    check (from_date <= to_date and to_date < deadline)
);
