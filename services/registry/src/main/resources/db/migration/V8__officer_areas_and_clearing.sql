-- Địa bàn của công dân — the province that decides which agencies' officers of civil registration may act on a
-- citizen (egov.registry.officer-areas, see the README): the province of the open permanent residence; without
-- one (e.g. after a death, which ends every residence), of the latest permanent residence; a citizen who never
-- had one belongs to the province where the birth was registered. No row: the citizen is in no province (only
-- national agencies act on them).
create function citizen_area(p_citizen uuid, out province_code char(2), out basis text)
    returns setof record
    language sql stable as $$
    select a.province_code, a.basis from (
        select m.province_code,
               case when r.valid_to is null then 'PERMANENT_RESIDENCE' else 'LAST_PERMANENT_RESIDENCE' end as basis,
               1 as rank, r.valid_to is null as open, r.valid_from, r.id
        from residence r join commune m on m.code = r.commune_code
        where r.citizen_id = p_citizen and r.kind = 'PERMANENT'
        union all
        select c.birth_registration_province, 'BIRTH_REGISTRATION', 2, false, null, null
        from citizen c where c.id = p_citizen and c.birth_registration_province is not null
    ) a
    order by a.rank, a.open desc, a.valid_from desc nulls last, a.id desc nulls last
    limit 1
$$;

-- A citizen may ask for a value to be removed (a correction that clears the field): no proposed value.
alter table correction_request alter column proposed_value drop not null;
