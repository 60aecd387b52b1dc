-- Chứng thư số do CA thử nghiệm cấp: every certificate the development CA issued (serial in lower-case hex), so its
-- OCSP responder can answer "good" for them and "unknown" for serials it never issued.
CREATE TABLE issued_certificate (
    serial_number      varchar(40) PRIMARY KEY,
    certificate_sha256 char(64)    NOT NULL UNIQUE,
    subject            text        NOT NULL,
    agency_code        varchar(35),
    not_after          timestamptz NOT NULL,
    issued_at          timestamptz NOT NULL
);

-- Thu hồi chứng thư số: certificates of the development CA revoked by a platform administrator, with the RFC 5280
-- CRLReason code and the revocation time. Read by the CRL, the OCSP responder and the verification of every package.
CREATE TABLE certificate_revocation (
    serial_number      varchar(40) PRIMARY KEY REFERENCES issued_certificate (serial_number),
    reason             smallint    NOT NULL CHECK (reason IN (0, 1, 3, 4, 5, 9)),
    revoked_at         timestamptz NOT NULL,
    revoked_by         text        NOT NULL,
    recorded_at        timestamptz NOT NULL
);
