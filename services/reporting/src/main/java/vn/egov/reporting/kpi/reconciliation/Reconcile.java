package vn.egov.reporting.kpi.reconciliation;

import java.net.URI;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import vn.egov.reporting.kpi.FeedbackDeadline;
import vn.egov.reporting.period.ReportingPeriod;

/**
 * The reconciliation check: counts of dossiers filed, filed online and done, and of documents, deliveries and
 * acknowledged deliveries, from the KPI tables and from the sources, side by side. A source that does not
 * answer is reported as such (and the check as not consistent) rather than failing the whole check.
 */
@Component
public class Reconcile {

    private final JdbcClient jdbc;
    private final SourceCounts sources;
    private final Clock clock;

    Reconcile(JdbcClient jdbc, SourceCounts sources, Clock clock) {
        this.jdbc = jdbc;
        this.sources = sources;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public Reconciliation check(ReportingPeriod period, String agency, String authorization) {
        OffsetDateTime from =
                period.from().atStartOfDay(FeedbackDeadline.VIETNAM).toOffsetDateTime();
        OffsetDateTime to =
                period.to().plusDays(1).atStartOfDay(FeedbackDeadline.VIETNAM).toOffsetDateTime();
        Map<String, Long> dossiers = jdbc.sql("""
                        SELECT count(*) FILTER (WHERE filed_at >= :from AND filed_at < :to) AS filed,
                               count(*) FILTER (WHERE filed_at >= :from AND filed_at < :to AND channel = 'ONLINE')
                                   AS filed_online,
                               count(*) FILTER (WHERE completed_at >= :from AND completed_at < :to
                                   AND status IN (9, 10)) AS done
                          FROM kpi_dossier
                         WHERE CAST(:agency AS varchar) IS NULL OR agency_code = :agency
                        """)
                .param("from", from)
                .param("to", to)
                .param("agency", agency)
                .query((rs, n) -> Map.of(
                        "filed", rs.getLong("filed"),
                        "filedOnline", rs.getLong("filed_online"),
                        "done", rs.getLong("done")))
                .single();
        Map<String, Long> documents = jdbc.sql("""
                        SELECT count(DISTINCT d.id) AS documents,
                               count(v.recipient) FILTER (WHERE v.listed) AS deliveries,
                               count(v.recipient) FILTER (WHERE v.listed AND v.delivered_at IS NOT NULL) AS delivered
                          FROM kpi_document d LEFT JOIN kpi_delivery v ON v.document_uuid = d.id
                         WHERE d.sent_at >= :from AND d.sent_at < :to
                           AND (CAST(:agency AS varchar) IS NULL OR d.sender = :agency)
                        """)
                .param("from", from)
                .param("to", to)
                .param("agency", agency)
                .query((rs, n) -> Map.of(
                        "documents", rs.getLong("documents"),
                        "deliveries", rs.getLong("deliveries"),
                        "delivered", rs.getLong("delivered")))
                .single();

        List<Reconciliation.Source> answered = new ArrayList<>();
        List<Reconciliation.Item> items = new ArrayList<>();
        compare(
                "portal",
                sources.portalEndpoint(period.from(), period.to(), agency),
                List.of("filed", "filedOnline", "done"),
                dossiers,
                authorization,
                answered,
                items);
        compare(
                "interchange",
                sources.interchangeEndpoint(period.from(), period.to(), agency),
                List.of("documents", "deliveries", "delivered"),
                documents,
                authorization,
                answered,
                items);
        boolean consistent = answered.stream().allMatch(Reconciliation.Source::answered)
                && items.stream().allMatch(i -> i.drift() != null && i.drift() == 0);
        return new Reconciliation(period.period(), agency, OffsetDateTime.now(clock), consistent, answered, items);
    }

    private void compare(
            String name,
            URI endpoint,
            List<String> measures,
            Map<String, Long> ours,
            String authorization,
            List<Reconciliation.Source> answered,
            List<Reconciliation.Item> items) {
        Map<String, Long> theirs;
        try {
            theirs = sources.read(endpoint, authorization);
            answered.add(new Reconciliation.Source(name, endpoint.toString(), true, null));
        } catch (RuntimeException e) {
            theirs = Map.of();
            answered.add(new Reconciliation.Source(name, endpoint.toString(), false, e.getMessage()));
        }
        for (String measure : measures) {
            long mine = ours.get(measure);
            Long other = theirs.get(measure);
            items.add(new Reconciliation.Item(name, measure, mine, other, other == null ? null : mine - other));
        }
    }
}
