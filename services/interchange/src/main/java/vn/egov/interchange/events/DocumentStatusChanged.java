package vn.egov.interchange.events;

import java.time.Instant;
import java.util.UUID;

/** Payload of {@code vn.egov.interchange.document.status-changed.v1}: a status package was accepted. */
public record DocumentStatusChanged(
        UUID id,
        String documentId,
        UUID deliveryId,
        String recipient,
        String reportedBy,
        String statusCode,
        String previousStatusCode,
        Instant reportedAt) {}
