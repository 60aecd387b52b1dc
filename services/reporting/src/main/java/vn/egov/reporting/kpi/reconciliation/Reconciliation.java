package vn.egov.reporting.kpi.reconciliation;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * Đối soát số liệu — the KPI tables' counts next to the counts the portal and the interchange give for the
 * same period and agency.
 *
 * @param period the period label
 * @param agency the agency, null for the whole country
 * @param checkedAt when the sources were asked
 * @param consistent whether every source answered and every count matches
 * @param sources each source and whether it answered
 * @param items one comparison per measure
 */
public record Reconciliation(
        String period,
        String agency,
        OffsetDateTime checkedAt,
        boolean consistent,
        List<Source> sources,
        List<Item> items) {

    /** @param error why the source could not be read, null when it answered */
    public record Source(String name, String endpoint, boolean answered, String error) {}

    /**
     * @param source portal or interchange
     * @param measure what is counted
     * @param ours the count in the KPI tables
     * @param theirs the source's count, null when it did not answer
     * @param drift ours − theirs, null when the source did not answer
     */
    public record Item(String source, String measure, long ours, Long theirs, Long drift) {}
}
