-- Danh bạ cơ quan: agencies of the document interchange axis with their organisation codes
-- (QCVN 102:2016 four-level form and/or QĐ 20/2020 form), parent/child structure, contact data,
-- delivery endpoint and the X.509 certificate that signs their packages.
CREATE TABLE agency (
    id                    uuid PRIMARY KEY,
    code_2016             varchar(13) UNIQUE,
    code_2020             varchar(35) UNIQUE,
    name                  varchar(300) NOT NULL,
    parent_id             uuid REFERENCES agency (id),
    email                 varchar(200),
    telephone             varchar(50),
    fax                   varchar(50),
    address               varchar(500),
    website               varchar(200),
    delivery_mode         varchar(4)  NOT NULL DEFAULT 'PULL' CHECK (delivery_mode IN ('PULL', 'PUSH')),
    webhook_url           varchar(500),
    certificate           bytea,
    certificate_sha256    char(64),
    certificate_subject   text,
    certificate_not_after timestamptz,
    created_at            timestamptz NOT NULL,
    updated_at            timestamptz NOT NULL,
    CHECK (code_2016 IS NOT NULL OR code_2020 IS NOT NULL),
    CHECK (delivery_mode = 'PULL' OR webhook_url IS NOT NULL)
);
CREATE INDEX agency_parent ON agency (parent_id);

-- The development CA of the embedded stack (one row); absent in production.
CREATE TABLE development_ca (
    id          smallint PRIMARY KEY CHECK (id = 1),
    certificate bytea       NOT NULL,
    private_key bytea       NOT NULL,
    created_at  timestamptz NOT NULL
);

-- Reference data: the central agencies and provinces named in vn-standards §1.2–1.3 (no certificates).
INSERT INTO agency (id, code_2016, code_2020, name, created_at, updated_at) VALUES
    ('0b6d8c2e-0000-4000-8000-000000000022', '000.00.00.G22', 'G22', 'Văn phòng Chính phủ', now(), now()),
    ('0b6d8c2e-0000-4000-8000-000000000012', '000.00.00.G12', 'G12', 'Bộ Tài chính', now(), now()),
    ('0b6d8c2e-0000-4000-8000-000000000017', '000.00.00.G17', 'G17', 'Bộ Xây dựng', now(), now()),
    ('0b6d8c2e-0000-4000-8000-000000000157', '000.00.00.H57', 'H57', 'Ủy ban nhân dân thành phố Huế', now(), now()),
    ('0b6d8c2e-0000-4000-8000-000000000141', '000.00.00.H41', 'H41', 'Ủy ban nhân dân tỉnh Nghệ An', now(), now());
INSERT INTO agency (id, code_2016, name, parent_id, created_at, updated_at) VALUES
    ('0b6d8c2e-0000-4000-8000-000000001812', '000.00.18.G12', 'Cục Thuế', '0b6d8c2e-0000-4000-8000-000000000012', now(), now());
