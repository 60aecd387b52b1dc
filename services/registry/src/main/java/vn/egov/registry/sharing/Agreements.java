package vn.egov.registry.sharing;

import java.sql.Array;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Thỏa thuận chia sẻ dữ liệu — data-sharing agreements: a client (OAuth client id) or an agency (organisation
 * code) may read a set of fields for a purpose, within a validity period.
 */
@Repository
public class Agreements {

    private final JdbcClient jdbc;
    private final Clock clock;

    public Agreements(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The fields agreed for this client or agency and purpose today, or empty when there is no agreement. */
    public Optional<Set<CitizenField>> fieldsFor(String clientId, String agencyCode, String purposeCode) {
        OffsetDateTime now = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
        List<String[]> rows = jdbc.sql("""
                        select fields from sharing_agreement
                        where purpose_code = ? and (client_id = ? or agency_code = ?)
                          and valid_from <= ? and (valid_to is null or valid_to > ?)""")
                .params(purposeCode, clientId, agencyCode, now, now)
                .query((rs, i) -> (String[]) ((Array) rs.getArray(1)).getArray())
                .list();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Set<CitizenField> fields = EnumSet.noneOf(CitizenField.class);
        for (String[] row : rows) {
            for (String name : row) {
                CitizenField.byApiName(name).ifPresent(fields::add);
            }
        }
        return Optional.of(fields);
    }

    /** One agreement as an administrator sees it. */
    public record Agreement(
            UUID id,
            String clientId,
            String agencyCode,
            String purposeCode,
            List<String> fields,
            Instant validFrom,
            Instant validTo,
            String legalReference) {}

    public List<Agreement> all() {
        return jdbc.sql("select * from sharing_agreement order by valid_from desc, id")
                .query(Agreements::map)
                .list();
    }

    public Optional<Agreement> find(UUID id) {
        return jdbc.sql("select * from sharing_agreement where id = ?")
                .param(id)
                .query(Agreements::map)
                .optional();
    }

    /** Ends an agreement now (the row stays, for the record); false if it had already ended. */
    public boolean terminate(UUID id) {
        OffsetDateTime now = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
        return jdbc.sql("update sharing_agreement set valid_to = ? where id = ? and (valid_to is null or valid_to > ?)")
                        .params(now, id, now)
                        .update()
                == 1;
    }

    private static Agreement map(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        OffsetDateTime to = rs.getObject("valid_to", OffsetDateTime.class);
        return new Agreement(
                rs.getObject("id", UUID.class),
                rs.getString("client_id"),
                rs.getString("agency_code"),
                rs.getString("purpose_code"),
                List.of((String[]) ((Array) rs.getArray("fields")).getArray()),
                rs.getObject("valid_from", OffsetDateTime.class).toInstant(),
                to == null ? null : to.toInstant(),
                rs.getString("legal_reference"));
    }

    /** Records an agreement, valid from now (a minute back, against clock skew between replicas). */
    public UUID add(
            String clientId,
            String agencyCode,
            String purposeCode,
            Collection<CitizenField> fields,
            String legalReference) {
        UUID id = UUID.randomUUID();
        Instant from = clock.instant().minusSeconds(60);
        jdbc.sql("""
                        insert into sharing_agreement (id, client_id, agency_code, purpose_code, fields, valid_from,
                          legal_reference) values (?, ?, ?, ?, ?, ?, ?)""")
                .params(
                        id,
                        clientId,
                        agencyCode,
                        purposeCode,
                        fields.stream().map(CitizenField::apiName).toArray(String[]::new),
                        OffsetDateTime.ofInstant(from, ZoneOffset.UTC),
                        legalReference)
                .update();
        return id;
    }
}
