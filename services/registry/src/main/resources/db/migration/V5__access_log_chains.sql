-- The access log becomes 32 independent hash chains instead of one. With one chain every append held the
-- chain head's row lock through its commit (and its WAL flush), so reads of citizens were serialised at the
-- speed of one fsync (~430/s measured with fsync on). An entry goes to chain hash(subject) mod 32: a citizen's
-- entries stay on one chain, 32 commits can be in flight and share WAL flushes.
drop function access_log_append(timestamptz, text, text, text, char, char, text, text, text, text, text, text, bytea);

create table access_log_chain (
    chain smallint primary key check (chain between 0 and 31),
    seq bigint not null,
    hash bytea not null
);
insert into access_log_chain (chain, seq, hash) select 0, seq, hash from access_log_head;
insert into access_log_chain (chain, seq, hash)
    select c, 0, decode(repeat('00', 32), 'hex') from generate_series(1, 31) c;
drop table access_log_head;

alter table access_log add column chain smallint not null default 0;
alter table access_log add column id bigint generated always as identity;
alter table access_log drop constraint access_log_pkey;
alter table access_log add primary key (chain, seq);
alter table access_log add constraint access_log_id_key unique (id);
drop index access_log_subject;
create index access_log_subject on access_log (subject_pid, id);

create function access_log_append(
    p_chain smallint, p_occurred_at timestamptz, p_client_id text, p_username text, p_agency_code text,
    p_caller_pid char(12), p_subject_pid char(12), p_action text, p_purpose_code text, p_fields text,
    p_reference text, p_outcome text, p_reason text, p_canonical bytea) returns bigint language plpgsql as $$
declare
    head record;
    next_seq bigint;
    next_hash bytea;
begin
    select seq, hash into head from access_log_chain where chain = p_chain for update;
    if not found then
        raise exception 'no access-log chain %', p_chain;
    end if;
    next_seq := head.seq + 1;
    -- same formula as before (rows written before this migration stay verifiable as chain 0)
    next_hash := sha256(head.hash || int8send(next_seq) || p_canonical);
    insert into access_log (chain, seq, occurred_at, client_id, username, agency_code, caller_pid, subject_pid,
        action, purpose_code, fields, reference, outcome, reason, prev_hash, hash)
    values (p_chain, next_seq, p_occurred_at, p_client_id, p_username, p_agency_code, p_caller_pid, p_subject_pid,
        p_action, p_purpose_code, p_fields, p_reference, p_outcome, p_reason, head.hash, next_hash);
    update access_log_chain set seq = next_seq, hash = next_hash where chain = p_chain;
    return next_seq;
end $$;
