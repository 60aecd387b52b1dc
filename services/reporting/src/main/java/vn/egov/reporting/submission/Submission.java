package vn.egov.reporting.submission;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/**
 * Báo cáo đã gửi — one accepted version of an agency's report for a regime's period: the values per indicator,
 * who filed it and when, and whether it came after the deadline (nộp muộn).
 */
public record Submission(
        UUID id,
        String regime,
        String period,
        String agencyCode,
        int version,
        JsonNode values,
        String note,
        String submittedBy,
        Instant submittedAt,
        LocalDate deadline,
        boolean late,
        String channel) {}
