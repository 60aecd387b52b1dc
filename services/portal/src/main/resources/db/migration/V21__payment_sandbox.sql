-- The SANDBOX payment provider embedded in the portal (vn.egov.portal.payment.sandbox): its own ledger of the
-- transactions it was asked to collect, as a real provider would keep it. Not used when a real provider is
-- configured (egov.portal.payment.provider.base-url).
create table sandbox_paygov_transaction (
    order_id                text primary key,
    merchant_code           text        not null,
    amount                  bigint      not null,
    order_info              text,
    return_url              text,
    status                  text        not null check (status in ('PENDING', 'PAID', 'FAILED')),
    transaction_id          text unique,
    created_at              timestamptz not null,
    paid_at                 timestamptz
);
create index sandbox_paygov_transaction_paid on sandbox_paygov_transaction (paid_at) where status = 'PAID';
