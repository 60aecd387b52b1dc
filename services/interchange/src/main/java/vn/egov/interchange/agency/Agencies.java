package vn.egov.interchange.agency;

import java.net.URI;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

/** The agency directory in PostgreSQL; an agency is found by either of its codes. */
@Repository
public class Agencies {

    private static final String COLUMNS = "id, code_2016, code_2020, name, parent_id, email, telephone, fax, address,"
            + " website, delivery_mode, webhook_url, certificate, certificate_sha256, certificate_subject,"
            + " certificate_not_after, created_at, updated_at";

    private final JdbcTemplate jdbc;

    public Agencies(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Agency> byCode(String code) {
        if (code == null) {
            return Optional.empty();
        }
        return jdbc
                .query("SELECT " + COLUMNS + " FROM agency WHERE code_2016 = ? OR code_2020 = ?", MAPPER, code, code)
                .stream()
                .findFirst();
    }

    /**
     * The registered agencies among {@code codes}, in one read, each under every code of the list it is known by
     * (codes not registered are absent).
     */
    public java.util.Map<String, Agency> byCodes(java.util.Collection<String> codes) {
        String[] wanted =
                codes.stream().filter(java.util.Objects::nonNull).distinct().toArray(String[]::new);
        java.util.Map<String, Agency> result = new java.util.HashMap<>();
        if (wanted.length == 0) {
            return result;
        }
        List<Agency> found = jdbc.query(
                "SELECT " + COLUMNS + " FROM agency WHERE code_2016 = ANY(?) OR code_2020 = ANY(?)",
                MAPPER,
                wanted,
                wanted);
        for (String code : wanted) {
            found.stream().filter(a -> a.isKnownAs(code)).findFirst().ifPresent(a -> result.put(code, a));
        }
        return result;
    }

    public Optional<Agency> byId(UUID id) {
        return jdbc.query("SELECT " + COLUMNS + " FROM agency WHERE id = ?", MAPPER, id).stream()
                .findFirst();
    }

    public List<Agency> all() {
        return jdbc.query("SELECT " + COLUMNS + " FROM agency ORDER BY coalesce(code_2016, code_2020)", MAPPER);
    }

    public List<Agency> children(UUID parentId) {
        return jdbc.query(
                "SELECT " + COLUMNS + " FROM agency WHERE parent_id = ? ORDER BY coalesce(code_2016, code_2020)",
                MAPPER,
                parentId);
    }

    public void insert(Agency a) {
        jdbc.update(
                "INSERT INTO agency (" + COLUMNS + ") VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                a.id(),
                a.code2016(),
                a.code2020(),
                a.name(),
                a.parentId(),
                a.contact().email(),
                a.contact().telephone(),
                a.contact().fax(),
                a.contact().address(),
                a.contact().website(),
                a.delivery().mode().name(),
                a.delivery().webhookUrl() == null
                        ? null
                        : a.delivery().webhookUrl().toString(),
                a.certificate() == null ? null : a.certificate().der(),
                a.certificate() == null ? null : a.certificate().sha256(),
                a.certificate() == null ? null : a.certificate().subject(),
                a.certificate() == null ? null : Timestamp.from(a.certificate().notAfter()),
                Timestamp.from(a.createdAt()),
                Timestamp.from(a.updatedAt()));
    }

    public void updateCertificate(Agency a) {
        jdbc.update(
                "UPDATE agency SET certificate = ?, certificate_sha256 = ?, certificate_subject = ?,"
                        + " certificate_not_after = ?, updated_at = ? WHERE id = ?",
                a.certificate().der(),
                a.certificate().sha256(),
                a.certificate().subject(),
                Timestamp.from(a.certificate().notAfter()),
                Timestamp.from(a.updatedAt()),
                a.id());
    }

    private static final RowMapper<Agency> MAPPER = Agencies::map;

    private static Agency map(ResultSet rs, int row) throws SQLException {
        byte[] der = rs.getBytes("certificate");
        Timestamp notAfter = rs.getTimestamp("certificate_not_after");
        String webhook = rs.getString("webhook_url");
        return new Agency(
                rs.getObject("id", UUID.class),
                rs.getString("code_2016"),
                rs.getString("code_2020"),
                rs.getString("name"),
                rs.getObject("parent_id", UUID.class),
                new Agency.Contact(
                        rs.getString("email"),
                        rs.getString("telephone"),
                        rs.getString("fax"),
                        rs.getString("address"),
                        rs.getString("website")),
                new Agency.DeliveryEndpoint(
                        Agency.DeliveryEndpoint.Mode.valueOf(rs.getString("delivery_mode")),
                        webhook == null ? null : URI.create(webhook)),
                der == null
                        ? null
                        : new Agency.AgencyCertificate(
                                der,
                                rs.getString("certificate_sha256"),
                                rs.getString("certificate_subject"),
                                notAfter.toInstant()),
                rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("updated_at").toInstant());
    }
}
