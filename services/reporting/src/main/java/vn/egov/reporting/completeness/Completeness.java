package vn.egov.reporting.completeness;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * Tình hình chấp hành chế độ báo cáo — for one regime and period, which assigned agencies filed on time, filed
 * late or have not filed, with the times of their first and latest filings.
 */
public record Completeness(
        String regime,
        String regimeName,
        String period,
        LocalDate from,
        LocalDate to,
        LocalDate deadline,
        String receivingAgency,
        boolean deadlinePassed,
        Summary summary,
        List<AgencyFiling> agencies) {

    public Completeness {
        agencies = List.copyOf(agencies);
    }

    /** Counts over the agencies listed. */
    public record Summary(int assigned, int onTime, int late, int missing) {

        static Summary of(List<AgencyFiling> agencies) {
            int onTime = 0;
            int late = 0;
            int missing = 0;
            for (AgencyFiling a : agencies) {
                switch (a.status()) {
                    case ON_TIME -> onTime++;
                    case LATE -> late++;
                    case MISSING -> missing++;
                }
            }
            return new Summary(agencies.size(), onTime, late, missing);
        }
    }

    /** One agency's row: its status, first and latest filing, the version that counts. */
    public record AgencyFiling(
            String agencyCode,
            String agencyName,
            FilingStatus status,
            Instant firstSubmittedAt,
            Instant lastSubmittedAt,
            Integer currentVersion) {}

    /** The same report restricted to one agency's row (what that agency's reporters see). */
    public Completeness only(String agencyCode) {
        List<AgencyFiling> mine =
                agencies.stream().filter(a -> a.agencyCode().equals(agencyCode)).toList();
        return new Completeness(
                regime,
                regimeName,
                period,
                from,
                to,
                deadline,
                receivingAgency,
                deadlinePassed,
                Summary.of(mine),
                mine);
    }
}
