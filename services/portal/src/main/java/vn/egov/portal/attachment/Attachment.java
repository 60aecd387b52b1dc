package vn.egov.portal.attachment;

import java.time.Instant;
import java.util.UUID;

/** Tệp đính kèm — a file of a dossier (one of the procedure's documents), without its content. */
public record Attachment(
        UUID id,
        UUID dossierId,
        String documentCode,
        String fileName,
        String contentType,
        long size,
        String sha256,
        String uploadedBy,
        Instant uploadedAt) {}
