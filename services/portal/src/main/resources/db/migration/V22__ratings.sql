-- Đánh giá việc giải quyết thủ tục hành chính (NĐ 61/2018 Điều 27–32, TT 01/2018 Điều 13–15): one rating per dossier
-- by its owner once the result exists, 9 indices scored 0/1/2. Evaluators stay confidential: no personal data here
-- (the dossier link only prevents a second rating), and the published scores are aggregates per agency.
create table dossier_rating (
    dossier_id      uuid primary key references dossier (id),
    procedure_code  text        not null,
    agency_code     text        not null,              -- the competent agency that handled the dossier
    scores          smallint[]  not null check (cardinality(scores) = 9 and 0 <= all (scores) and 2 >= all (scores)),
    total           smallint    not null check (total between 0 and 18),
    rated_at        timestamptz not null
);
create index dossier_rating_agency on dossier_rating (agency_code, rated_at);
create index dossier_rating_time on dossier_rating (rated_at);
