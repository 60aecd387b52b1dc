-- Chia sẻ dữ liệu theo mục đích, đồng ý của công dân, nhật ký truy cập.

-- Thỏa thuận chia sẻ dữ liệu: which client (OAuth client id) or agency (organisation code) may read which
-- fields for which purpose.
create table sharing_agreement (
    id uuid primary key,
    client_id text,
    agency_code text,
    purpose_code text not null references purpose (code),
    fields text[] not null check (cardinality(fields) > 0),
    valid_from timestamptz not null,
    valid_to timestamptz,
    legal_reference text not null,
    check (client_id is not null or agency_code is not null)
);
create index sharing_agreement_client on sharing_agreement (client_id, purpose_code);
create index sharing_agreement_agency on sharing_agreement (agency_code, purpose_code);

-- Đồng ý của công dân, per dossier and field set, for the portal's pre-fill. Rows are receipts: never deleted,
-- revocation only stamps revoked_at.
create table consent (
    id uuid primary key,
    citizen_pid char(12) not null,
    client_id text not null,
    purpose_code text not null references purpose (code),
    dossier_reference text not null check (length(dossier_reference) between 1 and 100),
    fields text[] not null check (cardinality(fields) > 0),
    notice text not null,
    granted_at timestamptz not null,
    revoked_at timestamptz,
    receipt_hash bytea not null
);
create index consent_citizen on consent (citizen_pid, dossier_reference);

create function consent_keep_receipts() returns trigger language plpgsql as $$
begin
    if tg_op = 'DELETE' then
        raise exception 'consent receipts are kept: delete refused';
    end if;
    if old.revoked_at is not null or new.id <> old.id or new.citizen_pid <> old.citizen_pid
            or new.client_id <> old.client_id or new.purpose_code <> old.purpose_code
            or new.dossier_reference <> old.dossier_reference or new.fields <> old.fields
            or new.notice <> old.notice or new.granted_at <> old.granted_at or new.receipt_hash <> old.receipt_hash then
        raise exception 'consent receipts are kept: only a revocation may be recorded';
    end if;
    return new;
end $$;
create trigger consent_keep_receipts before update or delete on consent
    for each row execute function consent_keep_receipts();

-- Yêu cầu điều chỉnh thông tin — a citizen's request to correct their data, handled by an officer.
create table correction_request (
    id uuid primary key,
    citizen_pid char(12) not null,
    field text not null,
    proposed_value text not null check (proposed_value is nfc normalized),
    reason text not null check (reason is nfc normalized),
    status text not null default 'PENDING' check (status in ('PENDING', 'ACCEPTED', 'REJECTED')),
    requested_at timestamptz not null,
    resolved_at timestamptz
);
create index correction_request_citizen on correction_request (citizen_pid);

-- Nhật ký truy cập — every read and verification of population data, append-only and hash-chained:
-- hash = SHA-256(prev_hash || int8(seq) || canonical row), the canonical form being built by the application
-- (AccessLog.canonical). access_log_head holds the chain's tip; access_log_append locks it (FOR UPDATE) for the
-- rest of the transaction, which serialises appends without forks or gaps.
create table access_log (
    seq bigint primary key,
    occurred_at timestamptz not null,
    client_id text,
    username text,
    agency_code text,
    caller_pid char(12),
    subject_pid char(12),
    action text not null check (action in ('READ', 'READ_OWN', 'VERIFY', 'RECORD')),
    purpose_code text,
    fields text not null,
    reference text,
    outcome text not null check (outcome in ('GRANTED', 'DENIED', 'NOT_FOUND', 'MATCH', 'NO_MATCH')),
    reason text,
    prev_hash bytea not null,
    hash bytea not null
);
create index access_log_subject on access_log (subject_pid, seq);

create table access_log_head (
    id boolean primary key default true check (id),
    seq bigint not null,
    hash bytea not null
);
insert into access_log_head (id, seq, hash) values (true, 0, decode(repeat('00', 32), 'hex'));

create function access_log_append(
    p_occurred_at timestamptz, p_client_id text, p_username text, p_agency_code text, p_caller_pid char(12),
    p_subject_pid char(12), p_action text, p_purpose_code text, p_fields text, p_reference text, p_outcome text,
    p_reason text, p_canonical bytea) returns bigint language plpgsql as $$
declare
    head record;
    next_seq bigint;
    next_hash bytea;
begin
    select seq, hash into head from access_log_head where id for update;
    next_seq := head.seq + 1;
    next_hash := sha256(head.hash || int8send(next_seq) || p_canonical);
    insert into access_log (seq, occurred_at, client_id, username, agency_code, caller_pid, subject_pid, action,
        purpose_code, fields, reference, outcome, reason, prev_hash, hash)
    values (next_seq, p_occurred_at, p_client_id, p_username, p_agency_code, p_caller_pid, p_subject_pid, p_action,
        p_purpose_code, p_fields, p_reference, p_outcome, p_reason, head.hash, next_hash);
    update access_log_head set seq = next_seq, hash = next_hash where id;
    return next_seq;
end $$;

create function refuse_change() returns trigger language plpgsql as $$
begin
    raise exception '% is append-only: % refused', tg_table_name, tg_op;
end $$;
create trigger access_log_append_only before update or delete on access_log
    for each row execute function refuse_change();
create trigger access_log_no_truncate before truncate on access_log
    for each statement execute function refuse_change();
create trigger issued_pid_append_only before update or delete on issued_pid
    for each row execute function refuse_change();
create trigger issued_pid_no_truncate before truncate on issued_pid
    for each statement execute function refuse_change();
revoke update, delete, truncate on access_log, issued_pid from public;
