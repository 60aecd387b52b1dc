package vn.egov.portal.feedback;

import java.time.Instant;
import java.util.UUID;

/**
 * Phản ánh, kiến nghị (PAKN): a citizen's feedback or petition to the competent agency, optionally about one of their
 * dossiers, with the agency's answer and whether it is published.
 */
public record Feedback(
        UUID id,
        String code,
        Kind kind,
        String agencyCode,
        UUID dossierId,
        String title,
        String content,
        String submitterPid,
        Instant submittedAt,
        Status status,
        String answer,
        String answeredBy,
        Instant answeredAt,
        boolean published,
        String publicQuestion,
        Instant publishedAt,
        int version) {

    /** Phản ánh (a report about how a procedure was handled) or kiến nghị (a petition / proposal). */
    public enum Kind {
        FEEDBACK,
        PETITION
    }

    public enum Status {
        RECEIVED,
        ANSWERED
    }
}
