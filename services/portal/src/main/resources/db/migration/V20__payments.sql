-- Thanh toán phí, lệ phí trực tuyến: one row per payment transaction of a dossier's fees. The id is the order id
-- sent to the payment platform (PayGov shape); status PENDING → PAID | FAILED | UNKNOWN | CANCELLED.
create table payment (
    id                      uuid primary key,
    dossier_id              uuid        not null references dossier (id),
    dossier_code            text        not null,
    procedure_code          text        not null,
    agency_code             text        not null,
    payer_pid               text        not null,            -- the dossier's owner who started the payment
    amount                  bigint      not null check (amount > 0),  -- VND
    fee_items               jsonb       not null,            -- [{code, name, amount}] copied from the procedure
    method                  text        not null default 'ONLINE',
    status                  text        not null check (status in ('PENDING', 'PAID', 'FAILED', 'UNKNOWN', 'CANCELLED')),
    version                 integer     not null,
    idempotency_key         text,
    provider_transaction_id text,
    status_reason           text,
    created_at              timestamptz not null,
    updated_at              timestamptz not null,
    paid_at                 timestamptz,
    receipt_number          text unique,                     -- số biên lai, given when paid
    unique (payer_pid, idempotency_key)
);
-- a dossier is paid at most once and has at most one transaction in flight
create unique index payment_one_paid on payment (dossier_id) where status = 'PAID';
create unique index payment_one_open on payment (dossier_id) where status in ('PENDING', 'UNKNOWN');
create index payment_status on payment (status, created_at);
create index payment_paid_at on payment (paid_at) where status = 'PAID';

create sequence payment_receipt_number;

-- Every signed callback that changed a payment (a replay changes nothing and is not written again).
create table payment_callback (
    id                      bigserial primary key,
    payment_id              uuid        not null references payment (id),
    received_at             timestamptz not null,
    source                  text        not null,            -- CALLBACK or QUERY
    params                  jsonb       not null
);
create index payment_callback_payment on payment_callback (payment_id);

-- Đối soát: one run of the reconciliation of a day's settled transactions, and the mismatches it found.
create table payment_reconciliation (
    id                      uuid primary key,
    day                     date        not null,
    ran_at                  timestamptz not null,
    provider_count          integer     not null,
    portal_count            integer     not null,
    matched                 integer     not null,
    mismatches              integer     not null
);
create index payment_reconciliation_day on payment_reconciliation (day, ran_at desc);

create table payment_mismatch (
    id                      bigserial primary key,
    reconciliation_id       uuid        not null references payment_reconciliation (id),
    kind                    text        not null check (kind in ('NOT_PAID_AT_PORTAL', 'NOT_SETTLED_AT_PROVIDER', 'AMOUNT_DIFFERS')),
    order_id                text        not null,
    provider_transaction_id text,
    portal_status           text,
    portal_amount           bigint,
    provider_amount         bigint
);
create index payment_mismatch_run on payment_mismatch (reconciliation_id);
