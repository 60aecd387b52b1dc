package vn.egov.registry.sharing;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Sự đồng ý của chủ thể dữ liệu — a citizen's consent to let a client pre-fill one dossier with a set of fields
 * (Decree 13/2023 art. 11–12). Rows are receipts: kept after revocation, with a SHA-256 receipt hash over what was
 * agreed so the citizen can prove it later.
 */
@Repository
public class Consents {

    /** A consent receipt. */
    public record Consent(
            UUID id,
            String citizenPid,
            String clientId,
            String purposeCode,
            String dossierReference,
            List<String> fields,
            String notice,
            Instant grantedAt,
            Instant revokedAt,
            String receiptHash) {

        public boolean active() {
            return revokedAt == null;
        }
    }

    private final JdbcClient jdbc;
    private final Clock clock;

    public Consents(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public Consent grant(
            String citizenPid,
            String clientId,
            String purposeCode,
            String dossierReference,
            Set<CitizenField> fields,
            String notice) {
        UUID id = UUID.randomUUID();
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        List<String> names = fields.stream().map(CitizenField::apiName).sorted().toList();
        String canonical = String.join(
                "\n",
                id.toString(),
                citizenPid,
                clientId,
                purposeCode,
                dossierReference,
                String.join(",", names),
                notice,
                now.toString());
        byte[] hash;
        try {
            hash = MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        jdbc.sql("""
                        insert into consent (id, citizen_pid, client_id, purpose_code, dossier_reference, fields, notice,
                          granted_at, receipt_hash) values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(
                        id,
                        citizenPid,
                        clientId,
                        purposeCode,
                        dossierReference,
                        names.toArray(String[]::new),
                        notice,
                        OffsetDateTime.ofInstant(now, ZoneOffset.UTC),
                        hash)
                .update();
        return find(id).orElseThrow();
    }

    public Optional<Consent> find(UUID id) {
        return jdbc.sql("select * from consent where id = ?")
                .param(id)
                .query(Consents::map)
                .optional();
    }

    public List<Consent> of(String citizenPid) {
        return jdbc.sql("select * from consent where citizen_pid = ? order by granted_at desc")
                .param(citizenPid)
                .query(Consents::map)
                .list();
    }

    /** Stamps the revocation; the receipt stays. */
    public void revoke(UUID id) {
        jdbc.sql("update consent set revoked_at = ? where id = ? and revoked_at is null")
                .params(OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC), id)
                .update();
    }

    /** The fields the citizen currently lets this client read for this dossier, or empty without consent. */
    public Optional<Set<CitizenField>> activeFields(
            String citizenPid, String clientId, String purposeCode, String dossierReference) {
        List<Consent> active = jdbc.sql("""
                        select * from consent where citizen_pid = ? and client_id = ? and purpose_code = ?
                          and dossier_reference = ? and revoked_at is null""")
                .params(citizenPid, clientId, purposeCode, dossierReference)
                .query(Consents::map)
                .list();
        if (active.isEmpty()) {
            return Optional.empty();
        }
        Set<CitizenField> fields = EnumSet.noneOf(CitizenField.class);
        active.forEach(c -> c.fields().forEach(f -> CitizenField.byApiName(f).ifPresent(fields::add)));
        return Optional.of(fields);
    }

    private static Consent map(ResultSet rs, int row) throws SQLException {
        OffsetDateTime revoked = rs.getObject("revoked_at", OffsetDateTime.class);
        return new Consent(
                rs.getObject("id", UUID.class),
                rs.getString("citizen_pid"),
                rs.getString("client_id"),
                rs.getString("purpose_code"),
                rs.getString("dossier_reference"),
                Arrays.asList((String[]) ((Array) rs.getArray("fields")).getArray()),
                rs.getString("notice"),
                rs.getObject("granted_at", OffsetDateTime.class).toInstant(),
                revoked == null ? null : revoked.toInstant(),
                HexFormat.of().formatHex(rs.getBytes("receipt_hash")));
    }
}
