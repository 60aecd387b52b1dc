package vn.egov.registry.seed;

import java.io.IOException;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.LongConsumer;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.egov.registry.citizen.Names;
import vn.egov.registry.crypto.FieldCipher;

/**
 * Bulk-loads synthetic households with PostgreSQL {@code COPY ... FROM STDIN} (pgjdbc {@link CopyManager}), one
 * transaction per batch of households: issued numbers, households, citizens (sensitive fields envelope-encrypted
 * like any other row) and permanent residences.
 */
public final class PopulationLoader {

    private final DataSource dataSource;
    private final FieldCipher cipher;

    public PopulationLoader(DataSource dataSource, FieldCipher cipher) {
        this.dataSource = dataSource;
        this.cipher = cipher;
    }

    /** The seed communes and the personal-ID prefixes of their provinces, for the generator. */
    public static List<PopulationGenerator.Place> places(JdbcClient jdbc) {
        Map<String, List<String>> prefixes = new java.util.HashMap<>();
        jdbc.sql("select province_code, former_code from province_predecessor order by former_code")
                .query((rs, i) -> Map.entry(rs.getString(1), rs.getString(2)))
                .list()
                .forEach(e -> prefixes.computeIfAbsent(e.getKey(), k -> new ArrayList<>())
                        .add(e.getValue()));
        return jdbc.sql("select code, province_code from commune order by code")
                .query((rs, i) -> new PopulationGenerator.Place(
                        rs.getString(1), rs.getString(2), List.copyOf(prefixes.get(rs.getString(2)))))
                .list();
    }

    /**
     * Generates and loads at least {@code citizens} people; returns how many were loaded.
     *
     * @param progress told the running total after each batch
     */
    public long load(
            PopulationGenerator generator, long citizens, int batchHouseholds, Instant now, LongConsumer progress)
            throws SQLException, IOException {
        long loaded = 0;
        try (Connection connection = dataSource.getConnection()) {
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            try {
                CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
                while (loaded < citizens) {
                    List<PopulationGenerator.Household> batch = new ArrayList<>(batchHouseholds);
                    for (int i = 0; i < batchHouseholds && loaded < citizens; i++) {
                        PopulationGenerator.Household h = generator.nextHousehold();
                        batch.add(h);
                        loaded += h.members().size();
                    }
                    write(copy, batch, now);
                    connection.commit();
                    progress.accept(loaded);
                }
            } catch (SQLException | IOException | RuntimeException e) {
                try {
                    connection.rollback();
                } catch (SQLException rollback) {
                    e.addSuppressed(rollback);
                }
                throw e;
            } finally {
                if (!connection.isClosed()) {
                    connection.setAutoCommit(autoCommit);
                }
            }
        }
        return loaded;
    }

    private void write(CopyManager copy, List<PopulationGenerator.Household> batch, Instant now)
            throws SQLException, IOException {
        String ts = now.atOffset(ZoneOffset.UTC).toString();
        StringBuilder pids = new StringBuilder();
        StringBuilder households = new StringBuilder();
        StringBuilder citizens = new StringBuilder();
        StringBuilder residences = new StringBuilder();
        for (PopulationGenerator.Household h : batch) {
            households.append(csv(
                    h.id(), h.number(), h.members().getFirst().id(), h.communeCode(), Names.nfc(h.addressLine()), ts));
            for (PopulationGenerator.Person p : h.members()) {
                pids.append(csv(p.pid(), ts, "SEED"));
                citizens.append(csv(
                        p.id(),
                        p.pid(),
                        Names.nfc(p.fullName()),
                        Names.fold(p.fullName()),
                        p.birthYear(),
                        p.birthMonth(),
                        p.birthDay(),
                        p.sex().name(),
                        p.birthCommune(),
                        p.birthProvince(),
                        p.ethnicCode(),
                        bytea(cipher.encrypt(p.id(), "religion", p.religion())),
                        bytea(cipher.encrypt(p.id(), "bloodType", p.bloodType())),
                        "VN",
                        p.fatherPid(),
                        Names.nfc(p.fatherName()),
                        p.motherPid(),
                        Names.nfc(p.motherName()),
                        p.spousePid(),
                        Names.nfc(p.spouseName()),
                        h.id(),
                        p.relationship(),
                        "ALIVE",
                        0,
                        ts,
                        ts));
                residences.append(
                        csv(p.id(), "PERMANENT", h.communeCode(), Names.nfc(h.addressLine()), p.residentSince(), ts));
            }
        }
        copy.copyIn(
                "copy issued_pid (pid, issued_at, reason) from stdin with (format csv)",
                new StringReader(pids.toString()));
        copy.copyIn(
                "copy household (id, number, head_citizen_id, commune_code, address_line, created_at)"
                        + " from stdin with (format csv)",
                new StringReader(households.toString()));
        copy.copyIn("""
                copy citizen (id, pid, full_name, name_search, birth_year, birth_month, birth_day, sex,
                  birth_registration_commune, birth_registration_province, ethnic_code, religion_ct, blood_type_ct,
                  nationality, father_pid, father_name, mother_pid, mother_name, spouse_pid, spouse_name,
                  household_id, household_relationship, status, version, created_at, updated_at)
                from stdin with (format csv)""", new StringReader(citizens.toString()));
        copy.copyIn(
                "copy residence (citizen_id, kind, commune_code, address_line, valid_from, recorded_at)"
                        + " from stdin with (format csv)",
                new StringReader(residences.toString()));
    }

    /** The first household number after those in use (synthetic households start at HK1000000000). */
    public static long nextHouseholdNumber(JdbcClient jdbc) {
        return jdbc.sql("select greatest(999999999, coalesce(max(substr(number, 3)::bigint), 0)) + 1 from household")
                .query(Long.class)
                .single();
    }

    /** Numbers already held by someone, which the generator must skip. */
    public static Set<String> issued(JdbcClient jdbc) {
        return Set.copyOf(
                jdbc.sql("select pid from issued_pid").query(String.class).list());
    }

    private static String bytea(byte[] value) {
        return value == null ? null : "\\x" + HexFormat.of().formatHex(value);
    }

    /** One CSV line: null is an unquoted empty field (NULL), everything else is quoted. */
    static String csv(Object... values) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                line.append(',');
            }
            Object v = values[i];
            if (v != null) {
                String text = v instanceof LocalDate d ? d.toString() : v.toString();
                line.append('"').append(text.replace("\"", "\"\"")).append('"');
            }
        }
        return line.append('\n').toString();
    }
}
