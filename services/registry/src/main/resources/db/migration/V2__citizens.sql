-- Công dân — citizens, households, residences, identity cards, personal ID numbers.
-- Text is stored NFC-normalised (the application normalises; the checks below refuse anything else).

-- Every personal ID number ever issued: the random part of a number is never reused, even after the number
-- is cancelled or replaced. The primary key makes concurrent assignment of the same number impossible.
create table issued_pid (
    pid char(12) primary key check (pid ~ '^[0-9]{12}$'),
    issued_at timestamptz not null,
    reason text not null check (reason in ('BIRTH', 'REISSUE', 'MIGRATION', 'SEED'))
);

create table household (
    id uuid primary key,
    -- Số hộ: the household's number in the residence register (ours: 'HK' + 10 digits)
    number text not null unique check (number ~ '^HK[0-9]{10}$'),
    head_citizen_id uuid,
    commune_code text not null references commune (code),
    address_line text not null check (address_line is nfc normalized),
    created_at timestamptz not null
);

create table citizen (
    id uuid primary key,
    pid char(12) not null unique references issued_pid (pid),
    full_name text not null check (full_name is nfc normalized and length(full_name) between 1 and 200),
    -- diacritic- and case-folded full name, computed by the application (Vietnamese đ/Đ fold to d)
    name_search text not null,
    other_names text check (other_names is nfc normalized),
    -- date of birth, partially known: year, year-month or full date
    birth_year smallint not null check (birth_year between 1850 and 2399),
    birth_month smallint check (birth_month between 1 and 12),
    birth_day smallint check (birth_day between 1 and 31),
    sex text not null check (sex in ('MALE', 'FEMALE')),
    birth_registration_commune text references commune (code),
    birth_registration_province char(2) references province (code),
    home_town text check (home_town is nfc normalized),
    ethnic_code char(2) references ethnic_group (code),
    -- sensitive personal data (Decree 13/2023 art. 2.4): envelope-encrypted with Tink, see FieldCipher
    religion_ct bytea,
    blood_type_ct bytea,
    nationality char(2) not null default 'VN' check (nationality ~ '^[A-Z]{2}$'),
    father_pid char(12) check (father_pid ~ '^[0-9]{12}$'),
    father_name text check (father_name is nfc normalized),
    mother_pid char(12) check (mother_pid ~ '^[0-9]{12}$'),
    mother_name text check (mother_name is nfc normalized),
    spouse_pid char(12) check (spouse_pid ~ '^[0-9]{12}$'),
    spouse_name text check (spouse_name is nfc normalized),
    representative_pid char(12) check (representative_pid ~ '^[0-9]{12}$'),
    representative_name text check (representative_name is nfc normalized),
    household_id uuid references household (id),
    household_relationship text check (household_relationship in
        ('HEAD', 'SPOUSE', 'CHILD', 'PARENT', 'GRANDCHILD', 'GRANDPARENT', 'SIBLING', 'RELATIVE', 'OTHER')),
    status text not null default 'ALIVE' check (status in ('ALIVE', 'DECEASED', 'MISSING')),
    death_date date,
    version integer not null default 0,
    created_at timestamptz not null,
    updated_at timestamptz not null,
    check (birth_day is null or birth_month is not null),
    check ((household_id is null) = (household_relationship is null)),
    check (status = 'DECEASED' or death_date is null)
);

create index citizen_name_search on citizen (name_search text_pattern_ops);
create index citizen_household on citizen (household_id);

alter table household add constraint household_head_fk foreign key (head_citizen_id) references citizen (id)
    deferrable initially deferred;

-- Lịch sử số định danh: a number replaced after a sex or birth-year correction, or cancelled after an error.
create table pid_history (
    id bigint generated always as identity primary key,
    citizen_id uuid not null references citizen (id),
    old_pid char(12) not null references issued_pid (pid),
    new_pid char(12) not null references issued_pid (pid),
    reason text not null,
    changed_at timestamptz not null
);
create index pid_history_citizen on pid_history (citizen_id);
create index pid_history_old on pid_history (old_pid);

-- Nơi thường trú / tạm trú / hiện tại — residences with history; one open residence per kind per citizen.
create table residence (
    id bigint generated always as identity primary key,
    citizen_id uuid not null references citizen (id),
    kind text not null check (kind in ('PERMANENT', 'TEMPORARY', 'CURRENT')),
    commune_code text not null references commune (code),
    address_line text not null check (address_line is nfc normalized),
    valid_from date not null,
    valid_to date,
    recorded_at timestamptz not null,
    check (valid_to is null or valid_to >= valid_from)
);
create unique index residence_open on residence (citizen_id, kind) where valid_to is null;

-- Thẻ căn cước — identity cards issued to the citizen.
create table identity_card (
    id bigint generated always as identity primary key,
    citizen_id uuid not null references citizen (id),
    card_number char(12) not null,
    issued_on date not null,
    expires_on date,
    issued_by text not null,
    status text not null default 'VALID' check (status in ('VALID', 'REPLACED', 'REVOKED')),
    unique (card_number, issued_on)
);
create index identity_card_citizen on identity_card (citizen_id);

-- Until the platform outbox relays them, the change events of citizens wait here in the transaction that
-- made the change (transactional outbox).
create table citizen_event (
    id uuid primary key,
    type text not null,
    subject text not null,
    data jsonb not null,
    occurred_at timestamptz not null,
    published_at timestamptz
);
create index citizen_event_unpublished on citizen_event (occurred_at) where published_at is null;
