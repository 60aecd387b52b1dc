-- Kết quả giải quyết điện tử: the e-result document of a done dossier, as signed by the agency (enveloped
-- XML-DSig), kept byte for byte with its SHA-256 and the signing key's certificate fingerprint.
create table dossier_result (
    dossier_id         uuid primary key references dossier (id),
    document           bytea       not null,
    sha256             text        not null,
    signing_alias      text        not null,            -- entry of the agency signing keystore
    certificate_sha256 text        not null,
    decision           text        not null,
    issued_on          date        not null,
    signed_by          text        not null,            -- the officer who completed the dossier
    signed_at          timestamptz not null
);
