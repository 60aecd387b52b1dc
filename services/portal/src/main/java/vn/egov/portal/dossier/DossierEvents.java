package vn.egov.portal.dossier;

import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import vn.egov.platform.outbox.Outbox;

/**
 * The dossier events, topic {@code portal.dossier.v1}: appended to the transactional outbox in the transaction
 * of the change (subject and Kafka key = the dossier's id, so a dossier's events stay in order). They carry
 * codes, dates and statuses only, never the applicant's data (schemas in
 * {@code contracts/events/vn.egov.portal.dossier.*}).
 */
@Component
public class DossierEvents {

    public static final String TOPIC = "portal.dossier.v1";
    public static final String STATUS_CHANGED = "vn.egov.portal.dossier.status-changed.v1";
    public static final String RATED = "vn.egov.portal.dossier.rated.v1";
    static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

    private final Outbox outbox;

    public DossierEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    /** Publishes the dossier's state after a status change; {@code procedure} gives level and channel data. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void statusChanged(Dossier dossier, DossierStatus previous, ProcedureFacts procedure) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("id", dossier.id().toString());
        data.put("code", dossier.code());
        data.put("procedureCode", dossier.procedureCode());
        data.put("agencyCode", dossier.agencyCode());
        data.put("level", procedure.level());
        data.put("fullyOnline", procedure.fullyOnline());
        data.put("channel", dossier.channel());
        data.put("status", dossier.status().code());
        data.put("previousStatus", previous == null ? null : previous.code());
        data.put("version", dossier.version());
        data.put("occurredAt", dossier.updatedAt().toString());
        data.put("submittedAt", text(dossier.submittedAt()));
        data.put("receivedAt", text(dossier.receivedAt()));
        data.put("dueDate", text(dossier.dueDate()));
        data.put("rescheduledDate", text(dossier.rescheduledDate()));
        data.put("completedAt", text(dossier.completedAt()));
        outbox.append(TOPIC, STATUS_CHANGED, dossier.id().toString(), data);
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }

    /** What the events need to know of the dossier's procedure. */
    public record ProcedureFacts(int level, boolean fullyOnline) {}
}
