package vn.egov.portal.dossier;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/**
 * Hồ sơ thủ tục hành chính: one citizen's dossier for one procedure, as stored. {@code status} is null while it is
 * a draft; {@code agencyCode} is the competent agency handling it now.
 */
public record Dossier(
        UUID id,
        String code,
        String procedureCode,
        String agencyCode,
        String applicantPid,
        String applicantName,
        String applicantEmail,
        String channel,
        DossierStatus status,
        JsonNode form,
        int version,
        Instant createdAt,
        Instant updatedAt,
        Instant submittedAt,
        Instant receivedAt,
        LocalDate dueDate,
        LocalDate rescheduledDate,
        Instant completedAt,
        Instant returnedAt,
        String assignee) {

    public boolean isDraft() {
        return status == null;
    }

    /** The date the citizen is now promised: the apology's new date when there is one. */
    public LocalDate promisedDate() {
        return rescheduledDate != null ? rescheduledDate : dueDate;
    }
}
