package vn.egov.interchange.events;

import java.time.Instant;
import java.util.UUID;

/** Payload of {@code vn.egov.interchange.document.recalled.v1}: a recipient agreed (15) to the sender's recall. */
public record DocumentRecalled(UUID id, String documentId, UUID deliveryId, String recipient, Instant recalledAt) {}
