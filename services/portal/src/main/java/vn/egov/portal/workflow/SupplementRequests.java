package vn.egov.portal.workflow;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;
import vn.egov.portal.workflow.StepInput.MissingItem;

/** Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ (Mẫu 02): the open request of a dossier and its completion. */
@Repository
public class SupplementRequests {

    private final JdbcClient jdbc;
    private final JsonMapper json;

    public SupplementRequests(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** An open request: what the citizen must still supply. */
    public record Open(long id, Instant requestedAt, String requestedBy, List<MissingItem> items) {}

    public void open(UUID dossierId, Instant at, String by, List<MissingItem> items) {
        jdbc.sql("""
                        insert into supplement_request (dossier_id, requested_at, requested_by, items)
                        values (?, ?, ?, ?::jsonb)""")
                .params(dossierId, Timestamp.from(at), by, json.writeValueAsString(items))
                .update();
    }

    public Optional<Open> openOf(UUID dossierId) {
        return jdbc.sql("""
                        select id, requested_at, requested_by, items::text from supplement_request
                        where dossier_id = ? and completed_at is null""")
                .param(dossierId)
                .query((rs, n) -> new Open(
                        rs.getLong(1),
                        rs.getTimestamp(2).toInstant(),
                        rs.getString(3),
                        json.readValue(rs.getString(4), new TypeReference<List<MissingItem>>() {})))
                .optional();
    }

    public void complete(long id, Instant at, List<String> supplied) {
        jdbc.sql("update supplement_request set completed_at = ?, supplied = ?::jsonb where id = ?")
                .params(Timestamp.from(at), json.writeValueAsString(supplied), id)
                .update();
    }
}
