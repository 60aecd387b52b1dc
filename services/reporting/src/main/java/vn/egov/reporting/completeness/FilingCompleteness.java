package vn.egov.reporting.completeness;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;
import vn.egov.reporting.period.ReportingPeriod;
import vn.egov.reporting.regime.AssignedAgency;
import vn.egov.reporting.regime.Regime;
import vn.egov.reporting.submission.Submission;
import vn.egov.reporting.submission.Submissions;

/** Computes the {@link Completeness} of a regime's period from the filings on record. */
@Service
public class FilingCompleteness {

    private final Submissions submissions;
    private final Clock clock;

    public FilingCompleteness(Submissions submissions, Clock clock) {
        this.submissions = submissions;
        this.clock = clock;
    }

    public Completeness of(Regime regime, ReportingPeriod period) {
        Map<String, List<Submission>> byAgency = new LinkedHashMap<>();
        for (Submission s : submissions.forPeriod(regime.code(), period.period())) {
            byAgency.computeIfAbsent(s.agencyCode(), k -> new ArrayList<>()).add(s);
        }
        List<Completeness.AgencyFiling> rows = new ArrayList<>();
        for (AssignedAgency agency : regime.agencies()) {
            List<Submission> versions = byAgency.getOrDefault(agency.code(), List.of()); // by version, ascending
            Optional<Submission> first = versions.stream().findFirst();
            Optional<Submission> last = versions.isEmpty() ? Optional.empty() : Optional.of(versions.getLast());
            FilingStatus status = first.map(s -> s.late() ? FilingStatus.LATE : FilingStatus.ON_TIME)
                    .orElse(FilingStatus.MISSING);
            rows.add(new Completeness.AgencyFiling(
                    agency.code(),
                    agency.name(),
                    status,
                    first.map(Submission::submittedAt).orElse(null),
                    last.map(Submission::submittedAt).orElse(null),
                    last.map(Submission::version).orElse(null)));
        }
        return new Completeness(
                regime.code(),
                regime.name(),
                period.period(),
                period.from(),
                period.to(),
                period.deadline(),
                regime.receivingAgency(),
                LocalDate.now(clock).isAfter(period.deadline()),
                Completeness.Summary.of(rows),
                rows);
    }
}
