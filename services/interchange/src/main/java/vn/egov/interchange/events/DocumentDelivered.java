package vn.egov.interchange.events;

import java.time.Instant;
import java.util.UUID;

/** Payload of {@code vn.egov.interchange.document.delivered.v1}: a recipient's system acknowledged the package. */
public record DocumentDelivered(UUID id, String documentId, UUID deliveryId, String recipient, Instant deliveredAt) {}
