package vn.egov.portal.filing;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Giấy tiếp nhận hồ sơ và hẹn trả kết quả (Mẫu 01, TT 01/2018): one per submitted dossier, kept as issued so a
 * repeated submission answers the same document.
 */
@Repository
public class Receipts {

    private final JdbcClient jdbc;
    private final JsonMapper json;

    Receipts(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    void insert(UUID dossierId, String code, Instant issuedAt, LocalDate appointment, Object data) {
        jdbc.sql(
                        "insert into receipt (dossier_id, code, issued_at, appointment_date, data) values (?, ?, ?, ?, ?::jsonb)")
                .params(dossierId, code, Timestamp.from(issuedAt), appointment, json.writeValueAsString(data))
                .update();
    }

    /** The receipt's document (JSON) of a dossier. */
    public Optional<JsonNode> of(UUID dossierId) {
        return jdbc.sql("select data::text from receipt where dossier_id = ?")
                .param(dossierId)
                .query(String.class)
                .optional()
                .map(json::readTree);
    }
}
