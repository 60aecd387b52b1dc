package vn.egov.portal.transfer;

import java.time.Instant;
import java.util.UUID;

/**
 * Chuyển hồ sơ liên thông: one transfer of a dossier to another agency through the interchange, with its sending
 * attempts and the other agency's last status.
 */
public record Transfer(
        UUID id,
        UUID dossierId,
        String fromAgency,
        String toAgency,
        String documentId,
        State state,
        int attempts,
        Instant nextAttemptAt,
        String lastError,
        UUID interchangeId,
        String statusCode,
        String requestedBy,
        Instant requestedAt,
        Instant sentAt) {

    /** Where a transfer is. */
    public enum State {
        /** recorded, waiting to be sent (or to be retried) */
        PENDING,
        /** accepted by the interchange, not yet taken up by the other agency */
        SENT,
        /** the other agency received/accepted it and works on it (statuses 01, 03–05) */
        ACCEPTED,
        /** the other agency refused it (status 02) */
        REFUSED,
        /** the other agency finished its part (status 06) */
        COMPLETED,
        /** the interchange refused the package (4xx); not retried */
        FAILED;

        public boolean open() {
            return this == PENDING || this == SENT || this == ACCEPTED;
        }
    }
}
