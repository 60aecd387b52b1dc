package vn.egov.interchange.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Payload of {@code vn.egov.interchange.document.sent.v1}: a package was accepted and deliveries created. */
public record DocumentSent(
        UUID id,
        String documentId,
        String sender,
        List<String> recipients,
        int priority,
        int businessType,
        String packageSha256,
        Instant receivedAt) {}
