package vn.egov.registry.citizen;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import vn.egov.registry.crypto.FieldCipher;
import vn.egov.registry.pid.PersonalIdNumber;
import vn.egov.registry.pid.Sex;

/** The citizens of the registry, in PostgreSQL; sensitive fields go through the {@link FieldCipher}. */
@Repository
public class Citizens {

    static final String COLUMNS = """
            c.id, c.pid, c.full_name, c.other_names, c.birth_year, c.birth_month, c.birth_day, c.sex,
            c.birth_registration_commune, c.birth_registration_province, c.home_town, c.ethnic_code, c.religion_ct,
            c.blood_type_ct, c.nationality, c.father_pid, c.father_name, c.mother_pid, c.mother_name, c.spouse_pid,
            c.spouse_name, c.representative_pid, c.representative_name, c.household_id, c.household_relationship,
            c.status, c.death_date, c.version, c.created_at, c.updated_at""";

    private final JdbcClient jdbc;
    private final FieldCipher cipher;

    public Citizens(JdbcClient jdbc, FieldCipher cipher) {
        this.jdbc = jdbc;
        this.cipher = cipher;
    }

    public Optional<Citizen> findByPid(String pid) {
        return jdbc.sql("select " + COLUMNS + " from citizen c where c.pid = ?")
                .param(pid)
                .query(this::map)
                .optional();
    }

    /** Locks the row for the rest of the transaction. */
    public Optional<Citizen> lockByPid(String pid) {
        return jdbc.sql("select " + COLUMNS + " from citizen c where c.pid = ? for update")
                .param(pid)
                .query(this::map)
                .optional();
    }

    public Optional<Citizen> findById(UUID id) {
        return jdbc.sql("select " + COLUMNS + " from citizen c where c.id = ?")
                .param(id)
                .query(this::map)
                .optional();
    }

    /**
     * Citizens whose folded name starts with the folded {@code name}, at most {@code limit}; with {@code provinces}
     * given, only those whose province (database function {@code citizen_area}, migration V8) is one of them.
     */
    public List<Citizen> searchByName(String name, Integer birthYear, Optional<Set<String>> provinces, int limit) {
        String key = Names.fold(name).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
        return jdbc.sql("select " + COLUMNS + " from citizen c where c.name_search like ?"
                        + " and (?::int is null or c.birth_year = ?::int)"
                        + " and (? or exists (select 1 from citizen_area(c.id) a where a.province_code::text = any(?::text[])))"
                        + " order by c.name_search, c.pid limit ?")
                .params(
                        key,
                        birthYear,
                        birthYear,
                        provinces.isEmpty(),
                        provinces.orElse(Set.of()).toArray(String[]::new),
                        limit)
                .query(this::map)
                .list();
    }

    /** The columns a life event may change, in the order of {@link #changeableValues(Citizen)}. */
    private static final List<String> CHANGEABLE = List.of(
            "pid",
            "full_name",
            "name_search",
            "other_names",
            "birth_year",
            "birth_month",
            "birth_day",
            "sex",
            "home_town",
            "ethnic_code",
            "religion_ct",
            "blood_type_ct",
            "nationality",
            "father_pid",
            "father_name",
            "mother_pid",
            "mother_name",
            "spouse_pid",
            "spouse_name",
            "representative_pid",
            "representative_name",
            "household_id",
            "household_relationship",
            "status",
            "death_date");

    private List<Object> changeableValues(Citizen c) {
        return Arrays.asList(
                c.pid().value(),
                c.fullName(),
                c.nameSearchKey(),
                c.otherNames(),
                c.birthDate().year(),
                c.birthDate().month(),
                c.birthDate().day(),
                c.sex().name(),
                c.homeTown(),
                c.ethnicCode(),
                cipher.encrypt(c.id(), "religion", c.religion()),
                cipher.encrypt(c.id(), "bloodType", c.bloodType()),
                c.nationality(),
                pidOf(c.father()),
                nameOf(c.father()),
                pidOf(c.mother()),
                nameOf(c.mother()),
                pidOf(c.spouse()),
                nameOf(c.spouse()),
                pidOf(c.representative()),
                nameOf(c.representative()),
                c.householdId(),
                c.householdRelationship() == null
                        ? null
                        : c.householdRelationship().name(),
                c.status().name(),
                c.deathDate());
    }

    public void insert(Citizen c) {
        List<Object> values = new ArrayList<>();
        values.add(c.id());
        values.add(c.birthRegistrationCommune());
        values.add(c.birthRegistrationProvince());
        values.addAll(changeableValues(c));
        values.add(c.version());
        values.add(ts(c.createdAt()));
        values.add(ts(c.updatedAt()));
        jdbc.sql("insert into citizen (id, birth_registration_commune, birth_registration_province, "
                        + String.join(", ", CHANGEABLE) + ", version, created_at, updated_at) values ("
                        + String.join(", ", Collections.nCopies(values.size(), "?")) + ")")
                .params(values)
                .update();
    }

    /**
     * Writes {@code c} over the stored row if the stored version is still {@code c.version()}; the stored version
     * becomes {@code c.version() + 1}. A concurrent change in between makes this throw
     * {@link OptimisticLockingFailureException} (answered 412).
     */
    public Citizen update(Citizen c) {
        List<Object> values = new ArrayList<>(changeableValues(c));
        values.add(ts(c.updatedAt()));
        values.add(c.id());
        values.add(c.version());
        int rows = jdbc.sql("update citizen set " + String.join(" = ?, ", CHANGEABLE)
                        + " = ?, version = version + 1, updated_at = ? where id = ? and version = ?")
                .params(values)
                .update();
        if (rows != 1) {
            throw new OptimisticLockingFailureException(
                    "citizen " + c.id() + " is no longer at version " + c.version());
        }
        return findById(c.id()).orElseThrow();
    }

    public List<Residence> residences(UUID citizenId) {
        return jdbc.sql("""
                        select r.kind, r.commune_code, m.name as commune_name, p.code as province_code,
                          p.name as province_name, r.address_line, r.valid_from, r.valid_to
                        from residence r join commune m on m.code = r.commune_code join province p on p.code = m.province_code
                        where r.citizen_id = ? order by r.valid_from, r.id""")
                .param(citizenId)
                .query((rs, i) -> new Residence(
                        ResidenceKind.valueOf(rs.getString("kind")),
                        rs.getString("commune_code"),
                        rs.getString("commune_name"),
                        rs.getString("province_code"),
                        rs.getString("province_name"),
                        rs.getString("address_line"),
                        rs.getObject("valid_from", LocalDate.class),
                        rs.getObject("valid_to", LocalDate.class)))
                .list();
    }

    /** Closes the open residence of that kind (if any) the day before {@code from} and opens the new one. */
    public void moveResidence(
            UUID citizenId, ResidenceKind kind, String communeCode, String addressLine, LocalDate from, Instant now) {
        jdbc.sql("""
                        update residence set valid_to = greatest(valid_from, ?::date - 1)
                        where citizen_id = ? and kind = ? and valid_to is null""").params(from, citizenId, kind.name()).update();
        jdbc.sql("""
                        insert into residence (citizen_id, kind, commune_code, address_line, valid_from, recorded_at)
                        values (?, ?, ?, ?, ?, ?)""")
                .params(citizenId, kind.name(), communeCode, Names.nfc(addressLine), from, ts(now))
                .update();
    }

    /** Ends every open residence (on death). */
    public void closeResidences(UUID citizenId, LocalDate on) {
        jdbc.sql(
                        "update residence set valid_to = greatest(valid_from, ?::date) where citizen_id = ? and valid_to is null")
                .params(on, citizenId)
                .update();
    }

    public Optional<Household> household(UUID householdId) {
        if (householdId == null) {
            return Optional.empty();
        }
        return jdbc.sql("""
                        select h.id, h.number, hc.pid as head_pid, h.commune_code, h.address_line
                        from household h left join citizen hc on hc.id = h.head_citizen_id where h.id = ?""")
                .param(householdId)
                .query((rs, i) -> new Household(
                        rs.getObject("id", UUID.class),
                        rs.getString("number"),
                        rs.getString("head_pid"),
                        rs.getString("commune_code"),
                        rs.getString("address_line"),
                        members(householdId)))
                .optional();
    }

    /** A household found by number, and the province of its commune. */
    public record HouseholdPlace(UUID id, String provinceCode) {}

    public Optional<HouseholdPlace> householdByNumber(String number) {
        return jdbc.sql("""
                        select h.id, m.province_code from household h join commune m on m.code = h.commune_code
                        where h.number = ?""")
                .param(number)
                .query((rs, i) -> new HouseholdPlace(rs.getObject("id", UUID.class), rs.getString("province_code")))
                .optional();
    }

    public void insertHousehold(
            UUID id, String number, UUID headCitizenId, String communeCode, String addressLine, Instant now) {
        jdbc.sql("""
                        insert into household (id, number, head_citizen_id, commune_code, address_line, created_at)
                        values (?, ?, ?, ?, ?, ?)""")
                .params(id, number, headCitizenId, communeCode, Names.nfc(addressLine), ts(now))
                .update();
    }

    private List<Household.Member> members(UUID householdId) {
        return jdbc.sql("""
                        select pid, full_name, household_relationship from citizen where household_id = ?
                        order by household_relationship = 'HEAD' desc, birth_year, pid""")
                .param(householdId)
                .query((rs, i) -> new Household.Member(
                        rs.getString("pid"),
                        rs.getString("full_name"),
                        HouseholdRelationship.valueOf(rs.getString("household_relationship"))))
                .list();
    }

    public List<IdentityCard> identityCards(UUID citizenId) {
        return jdbc.sql("""
                        select card_number, issued_on, expires_on, issued_by, status from identity_card
                        where citizen_id = ? order by issued_on""")
                .param(citizenId)
                .query((rs, i) -> new IdentityCard(
                        rs.getString("card_number"),
                        rs.getObject("issued_on", LocalDate.class),
                        rs.getObject("expires_on", LocalDate.class),
                        rs.getString("issued_by"),
                        rs.getString("status")))
                .list();
    }

    public void insertIdentityCard(UUID citizenId, IdentityCard card) {
        jdbc.sql("""
                        insert into identity_card (citizen_id, card_number, issued_on, expires_on, issued_by, status)
                        values (?, ?, ?, ?, ?, ?)""")
                .params(citizenId, card.cardNumber(), card.issuedOn(), card.expiresOn(), card.issuedBy(), card.status())
                .update();
    }

    /** Every number the citizen has held, current first. */
    public List<String> allPids(UUID citizenId) {
        return jdbc.sql("""
                        select pid from citizen where id = ?
                        union all select old_pid from pid_history where citizen_id = ?""").params(citizenId, citizenId).query(String.class).list();
    }

    /** The citizen now holding the number, following re-issues ({@code old → new}). */
    public Optional<String> currentPidOf(String formerPid) {
        return jdbc.sql("""
                        select c.pid from pid_history h join citizen c on c.id = h.citizen_id
                        where h.old_pid = ? order by h.id desc limit 1""").param(formerPid).query(String.class).optional();
    }

    public void recordPidChange(UUID citizenId, String oldPid, String newPid, String reason, Instant now) {
        jdbc.sql("""
                        insert into pid_history (citizen_id, old_pid, new_pid, reason, changed_at)
                        values (?, ?, ?, ?, ?)""").params(citizenId, oldPid, newPid, reason, ts(now)).update();
    }

    public boolean communeExists(String code) {
        return jdbc.sql("select count(*) from commune where code = ?")
                        .param(code)
                        .query(Integer.class)
                        .single()
                > 0;
    }

    public Optional<String> provinceOfCommune(String code) {
        return jdbc.sql("select province_code from commune where code = ?")
                .param(code)
                .query(String.class)
                .optional();
    }

    public boolean ethnicGroupExists(String code) {
        return jdbc.sql("select count(*) from ethnic_group where code = ?")
                        .param(code)
                        .query(Integer.class)
                        .single()
                > 0;
    }

    public Optional<String> ethnicGroupName(String code) {
        return jdbc.sql("select name from ethnic_group where code = ?")
                .param(code)
                .query(String.class)
                .optional();
    }

    private Citizen map(ResultSet rs, int row) throws SQLException {
        UUID id = rs.getObject("id", UUID.class);
        String relationship = rs.getString("household_relationship");
        return new Citizen(
                id,
                new PersonalIdNumber(rs.getString("pid")),
                rs.getString("full_name"),
                rs.getString("other_names"),
                new BirthDate(rs.getInt("birth_year"), (Integer) rs.getObject("birth_month", Integer.class), (Integer)
                        rs.getObject("birth_day", Integer.class)),
                Sex.valueOf(rs.getString("sex")),
                rs.getString("birth_registration_commune"),
                rs.getString("birth_registration_province"),
                rs.getString("home_town"),
                rs.getString("ethnic_code"),
                cipher.decrypt(id, "religion", rs.getBytes("religion_ct")),
                cipher.decrypt(id, "bloodType", rs.getBytes("blood_type_ct")),
                rs.getString("nationality"),
                Relative.of(rs.getString("father_pid"), rs.getString("father_name")),
                Relative.of(rs.getString("mother_pid"), rs.getString("mother_name")),
                Relative.of(rs.getString("spouse_pid"), rs.getString("spouse_name")),
                Relative.of(rs.getString("representative_pid"), rs.getString("representative_name")),
                rs.getObject("household_id", UUID.class),
                relationship == null ? null : HouseholdRelationship.valueOf(relationship),
                CitizenStatus.valueOf(rs.getString("status")),
                rs.getObject("death_date", LocalDate.class),
                rs.getInt("version"),
                rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                rs.getObject("updated_at", OffsetDateTime.class).toInstant());
    }

    private static String pidOf(Relative r) {
        return r == null ? null : r.pid();
    }

    private static String nameOf(Relative r) {
        return r == null ? null : r.name();
    }

    static OffsetDateTime ts(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    static Timestamp timestamp(Instant instant) {
        return Timestamp.from(instant);
    }
}
