package vn.egov.reporting.kpi;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import vn.egov.reporting.period.ReportingPeriod;

/**
 * Computes the indicators from the latest-state tables, per agency and period. A dossier belongs to the period
 * it was filed in (submission, else acceptance); a completion, a due date, a payment, a rating to the period it
 * happened in; a document to the period the axis accepted it, counted for its sender (electronic share) and for
 * each recipient (feedback). Times are read in Vietnam time.
 */
@Component
public class Kpis {

    private static final Locale VIETNAMESE = Locale.forLanguageTag("vi");

    private static final String FILED = """
            SELECT agency_code,
                   count(*) AS filed,
                   count(*) FILTER (WHERE channel = 'ONLINE') AS online,
                   count(*) FILTER (WHERE fully_online) AS fully_online,
                   count(DISTINCT procedure_code) AS services,
                   count(DISTINCT procedure_code) FILTER (WHERE level = 4) AS level4
              FROM kpi_dossier
             WHERE filed_at >= :from AND filed_at < :to AND (CAST(:agency AS varchar) IS NULL OR agency_code = :agency)
             GROUP BY agency_code
            """;

    private static final String DONE = """
            SELECT agency_code,
                   count(*) AS done,
                   count(*) FILTER (WHERE (completed_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date <= due_date) AS on_time
              FROM kpi_dossier
             WHERE completed_at >= :from AND completed_at < :to AND status IN (9, 10) AND due_date IS NOT NULL
               AND (CAST(:agency AS varchar) IS NULL OR agency_code = :agency)
             GROUP BY agency_code
            """;

    private static final String OVERDUE = """
            SELECT agency_code, count(*) AS overdue
              FROM kpi_dossier
             WHERE due_date >= :fromDate AND due_date <= :toDate AND due_date < :today
               AND status NOT IN (3, 7, 8)
               AND (completed_at IS NULL OR (completed_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date > due_date)
               AND (CAST(:agency AS varchar) IS NULL OR agency_code = :agency)
             GROUP BY agency_code
            """;

    private static final String PAID = """
            SELECT agency_code, count(*) AS paid, count(*) FILTER (WHERE method = 'ONLINE') AS online
              FROM kpi_payment
             WHERE status = 'PAID' AND occurred_at >= :from AND occurred_at < :to
               AND (CAST(:agency AS varchar) IS NULL OR agency_code = :agency)
             GROUP BY agency_code
            """;

    private static final String RATED = """
            SELECT agency_code, count(*) AS ratings, sum(total) AS total
              FROM kpi_rating
             WHERE rated_at >= :from AND rated_at < :to AND (CAST(:agency AS varchar) IS NULL OR agency_code = :agency)
             GROUP BY agency_code
            """;

    private static final String SENT = """
            SELECT d.sender AS agency_code,
                   count(*) AS deliveries,
                   count(*) FILTER (WHERE v.delivered_at IS NOT NULL) AS delivered
              FROM kpi_document d JOIN kpi_delivery v ON v.document_uuid = d.id
             WHERE d.sent_at >= :from AND d.sent_at < :to AND v.listed AND v.recalled_at IS NULL
               AND (CAST(:agency AS varchar) IS NULL OR d.sender = :agency)
             GROUP BY d.sender
            """;

    private static final String FEEDBACK = """
            SELECT v.recipient AS agency_code,
                   count(*) FILTER (WHERE v.feedback_at IS NOT NULL OR d.feedback_due <= :now) AS due,
                   count(*) FILTER (WHERE v.feedback_at <= d.feedback_due) AS on_time
              FROM kpi_document d JOIN kpi_delivery v ON v.document_uuid = d.id
             WHERE d.sent_at >= :from AND d.sent_at < :to AND v.listed AND v.recalled_at IS NULL
               AND (CAST(:agency AS varchar) IS NULL OR v.recipient = :agency)
             GROUP BY v.recipient
            """;

    private final JdbcClient jdbc;
    private final KpiProperties properties;
    private final MessageSource messages;
    private final Clock clock;

    Kpis(JdbcClient jdbc, KpiProperties properties, MessageSource messages, Clock clock) {
        this.jdbc = jdbc;
        this.properties = properties;
        this.messages = messages;
        this.clock = clock;
    }

    /** The national figures ({@code agency} null) or one agency's, for one period. */
    @Transactional(readOnly = true)
    public KpiReport report(ReportingPeriod period, String agency) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        KpiCounts total = counts(period, agency, now).values().stream().reduce(KpiCounts.ZERO, KpiCounts::plus);
        return report(period, agency, total, now);
    }

    /** Every agency with activity in the period, by organisation code. */
    @Transactional(readOnly = true)
    public List<KpiReport> byAgency(ReportingPeriod period) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        List<KpiReport> reports = new ArrayList<>();
        counts(period, null, now).forEach((agency, counts) -> reports.add(report(period, agency, counts, now)));
        return reports;
    }

    /** The counts of each agency with activity in the period (only {@code agency}'s when it is given). */
    @Transactional(readOnly = true)
    public Map<String, KpiCounts> counts(ReportingPeriod period, String agency, OffsetDateTime now) {
        OffsetDateTime from =
                period.from().atStartOfDay(FeedbackDeadline.VIETNAM).toOffsetDateTime();
        OffsetDateTime to =
                period.to().plusDays(1).atStartOfDay(FeedbackDeadline.VIETNAM).toOffsetDateTime();
        LocalDate today = now.atZoneSameInstant(FeedbackDeadline.VIETNAM).toLocalDate();
        Map<String, KpiCounts> byAgency = new TreeMap<>();
        for (String sql : List.of(FILED, DONE, OVERDUE, PAID, RATED, SENT, FEEDBACK)) {
            jdbc.sql(sql)
                    .param("from", from)
                    .param("to", to)
                    .param("fromDate", period.from())
                    .param("toDate", period.to())
                    .param("today", today)
                    .param("now", now)
                    .param("agency", agency)
                    .query((rs, n) -> {
                        byAgency.merge(rs.getString("agency_code"), toCounts(sql, rs), KpiCounts::plus);
                        return n;
                    })
                    .list();
        }
        return byAgency;
    }

    private static KpiCounts toCounts(String sql, java.sql.ResultSet rs) throws java.sql.SQLException {
        if (sql == FILED) {
            return new KpiCounts(
                    rs.getLong("filed"),
                    rs.getLong("online"),
                    rs.getLong("fully_online"),
                    rs.getLong("services"),
                    rs.getLong("level4"),
                    0,
                    0,
                    0,
                    0,
                    0,
                    0,
                    0,
                    0,
                    0,
                    0,
                    0);
        }
        if (sql == DONE) {
            return new KpiCounts(0, 0, 0, 0, 0, rs.getLong("done"), rs.getLong("on_time"), 0, 0, 0, 0, 0, 0, 0, 0, 0);
        }
        if (sql == OVERDUE) {
            return new KpiCounts(0, 0, 0, 0, 0, 0, 0, rs.getLong("overdue"), 0, 0, 0, 0, 0, 0, 0, 0);
        }
        if (sql == PAID) {
            return new KpiCounts(0, 0, 0, 0, 0, 0, 0, 0, rs.getLong("paid"), rs.getLong("online"), 0, 0, 0, 0, 0, 0);
        }
        if (sql == RATED) {
            return new KpiCounts(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, rs.getLong("ratings"), rs.getLong("total"), 0, 0, 0, 0);
        }
        if (sql == SENT) {
            return new KpiCounts(
                    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, rs.getLong("deliveries"), rs.getLong("delivered"), 0, 0);
        }
        return new KpiCounts(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, rs.getLong("due"), rs.getLong("on_time"));
    }

    KpiReport report(ReportingPeriod period, String agency, KpiCounts counts, OffsetDateTime now) {
        int year = period.to().getYear();
        List<KpiFigure> figures = new ArrayList<>();
        for (Indicator indicator : Indicator.values()) {
            figures.add(KpiFigure.of(indicator, name(indicator), counts, properties.target(indicator, year)));
        }
        return new KpiReport(
                period.period(), period.frequency().name(), period.from(), period.to(), agency, now, figures);
    }

    /** The indicator's Vietnamese name. */
    public String name(Indicator indicator) {
        return messages.getMessage("kpi." + indicator.name() + ".name", null, indicator.name(), VIETNAMESE);
    }
}
