package vn.egov.reporting.kpi;

import java.sql.Timestamp;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import vn.egov.platform.events.IncomingEvent;
import vn.egov.reporting.kpi.KpiEvents.DocumentDelivered;
import vn.egov.reporting.kpi.KpiEvents.DocumentRecalled;
import vn.egov.reporting.kpi.KpiEvents.DocumentSent;
import vn.egov.reporting.kpi.KpiEvents.DocumentStatusChanged;
import vn.egov.reporting.kpi.KpiEvents.DossierRated;
import vn.egov.reporting.kpi.KpiEvents.DossierStatusChanged;
import vn.egov.reporting.kpi.KpiEvents.PaymentStatusChanged;

/**
 * Applies events to the latest-state tables the KPIs are read from. Every merge is order-independent and
 * idempotent: the highest {@code version} wins (a rating without a version is ordered by its time), earliest
 * times are kept with {@code least()}, a document's recipients are a set. So the same events in any order, with
 * duplicates, give the same rows, whether they arrive live one by one or in batches during a rebuild.
 */
@Component
public class KpiProjection {

    private static final List<String> DOSSIER_COLUMNS = List.of(
            "code",
            "agency_code",
            "procedure_code",
            "level",
            "fully_online",
            "channel",
            "status",
            "version",
            "occurred_at",
            "submitted_at",
            "received_at",
            "due_date",
            "rescheduled_date",
            "completed_at");

    private static final Upsert UPSERT_DOSSIER = new Upsert(
            "INSERT INTO kpi_dossier AS d (id, " + String.join(", ", DOSSIER_COLUMNS) + ", first_occurred_at)",
            new int[] {
                Types.OTHER, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.INTEGER, Types.BOOLEAN, Types.VARCHAR,
                Types.INTEGER, Types.BIGINT, Types.TIMESTAMP, Types.TIMESTAMP, Types.TIMESTAMP, Types.DATE, Types.DATE,
                Types.TIMESTAMP, Types.TIMESTAMP
            },
            " ON CONFLICT (id) DO UPDATE SET first_occurred_at = least(d.first_occurred_at, excluded.first_occurred_at), "
                    + String.join(
                            ", ",
                            DOSSIER_COLUMNS.stream()
                                    .map(c -> c + " = CASE WHEN excluded.version > d.version THEN excluded." + c
                                            + " ELSE d." + c + " END")
                                    .toList())
                    + ", applied_at = clock_timestamp()");

    private static final Upsert UPSERT_RATING = new Upsert(
            "INSERT INTO kpi_rating AS r (dossier_id, agency_code, total, version, rated_at)",
            new int[] {Types.OTHER, Types.VARCHAR, Types.INTEGER, Types.BIGINT, Types.TIMESTAMP},
            " ON CONFLICT (dossier_id) DO UPDATE SET agency_code = excluded.agency_code, total = excluded.total,"
                    + " version = excluded.version, rated_at = excluded.rated_at, applied_at = clock_timestamp()"
                    + " WHERE (excluded.version, excluded.rated_at, excluded.total) > (r.version, r.rated_at, r.total)");

    private static final Upsert UPSERT_PAYMENT = new Upsert(
            "INSERT INTO kpi_payment AS p (id, dossier_id, agency_code, method, status, amount, version, occurred_at)",
            new int[] {
                Types.OTHER,
                Types.OTHER,
                Types.VARCHAR,
                Types.VARCHAR,
                Types.VARCHAR,
                Types.BIGINT,
                Types.BIGINT,
                Types.TIMESTAMP
            },
            " ON CONFLICT (id) DO UPDATE SET dossier_id = excluded.dossier_id, agency_code = excluded.agency_code,"
                    + " method = excluded.method, status = excluded.status, amount = excluded.amount,"
                    + " version = excluded.version, occurred_at = excluded.occurred_at, applied_at = clock_timestamp()"
                    + " WHERE excluded.version > p.version");

    private static final Upsert INSERT_DOCUMENT = new Upsert(
            "INSERT INTO kpi_document (id, document_id, sender, sent_at, feedback_due)",
            new int[] {Types.OTHER, Types.VARCHAR, Types.VARCHAR, Types.TIMESTAMP, Types.TIMESTAMP},
            " ON CONFLICT (id) DO NOTHING");

    private static final Upsert UPSERT_DELIVERY = new Upsert(
            "INSERT INTO kpi_delivery AS v (document_uuid, recipient, listed,"
                    + " delivered_at, feedback_at, last_status, last_reported_at, recalled_at)",
            new int[] {
                Types.OTHER,
                Types.VARCHAR,
                Types.BOOLEAN,
                Types.TIMESTAMP,
                Types.TIMESTAMP,
                Types.VARCHAR,
                Types.TIMESTAMP,
                Types.TIMESTAMP
            },
            " ON CONFLICT (document_uuid, recipient) DO UPDATE SET listed = v.listed OR excluded.listed,"
                    + " delivered_at = least(v.delivered_at, excluded.delivered_at),"
                    + " feedback_at = least(v.feedback_at, excluded.feedback_at),"
                    + " last_status = CASE WHEN v.last_reported_at IS NULL OR (excluded.last_reported_at, excluded.last_status)"
                    + " > (v.last_reported_at, v.last_status) THEN coalesce(excluded.last_status, v.last_status)"
                    + " ELSE v.last_status END,"
                    + " last_reported_at = greatest(v.last_reported_at, excluded.last_reported_at),"
                    + " recalled_at = least(v.recalled_at, excluded.recalled_at), applied_at = clock_timestamp()");

    private final JdbcTemplate jdbc;
    private final FeedbackDeadline feedbackDeadline;

    KpiProjection(JdbcTemplate jdbc, FeedbackDeadline feedbackDeadline) {
        this.jdbc = jdbc;
        this.feedbackDeadline = feedbackDeadline;
    }

    /** Whether events of this type change a figure. */
    public static boolean handles(String type) {
        return KpiEvents.TYPES.contains(type);
    }

    /**
     * Checks that an event's data binds and carries the fields the figures need, without applying it.
     *
     * @throws vn.egov.platform.events.InvalidEventException when it does not
     */
    public static void check(IncomingEvent event) {
        switch (event.type()) {
            case KpiEvents.DOSSIER_STATUS_CHANGED -> {
                DossierStatusChanged d = event.dataAs(DossierStatusChanged.class);
                requireNonNull(event, d.id(), d.agencyCode(), d.occurredAt());
            }
            case KpiEvents.DOSSIER_RATED -> {
                DossierRated r = event.dataAs(DossierRated.class);
                requireNonNull(event, r.id(), r.agencyCode(), r.ratedAt());
            }
            case KpiEvents.PAYMENT_STATUS_CHANGED -> {
                PaymentStatusChanged p = event.dataAs(PaymentStatusChanged.class);
                requireNonNull(event, p.id(), p.agencyCode(), p.occurredAt());
            }
            case KpiEvents.DOCUMENT_SENT -> {
                DocumentSent d = event.dataAs(DocumentSent.class);
                requireNonNull(event, d.id(), d.sender(), d.receivedAt(), d.recipients());
            }
            case KpiEvents.DOCUMENT_DELIVERED -> {
                DocumentDelivered d = event.dataAs(DocumentDelivered.class);
                requireNonNull(event, d.id(), d.recipient(), d.deliveredAt());
            }
            case KpiEvents.DOCUMENT_STATUS_CHANGED -> {
                DocumentStatusChanged d = event.dataAs(DocumentStatusChanged.class);
                requireNonNull(event, d.id(), d.recipient(), d.reportedAt(), d.statusCode());
            }
            case KpiEvents.DOCUMENT_RECALLED -> {
                DocumentRecalled d = event.dataAs(DocumentRecalled.class);
                requireNonNull(event, d.id(), d.recipient(), d.recalledAt());
            }
            default -> {
                // not a type the figures read
            }
        }
    }

    /**
     * Applies a batch of events (any mix of handled types; others are ignored), first collapsing what the batch
     * says about each row so that each row is written once.
     *
     * @throws vn.egov.platform.events.InvalidEventException when an event's data does not bind
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void apply(List<IncomingEvent> events) {
        Map<UUID, DossierStatusChanged> dossiers = new HashMap<>();
        Map<UUID, OffsetDateTime> firstSeen = new HashMap<>();
        Map<UUID, DossierRated> ratings = new HashMap<>();
        Map<UUID, PaymentStatusChanged> payments = new HashMap<>();
        Map<UUID, DocumentSent> documents = new LinkedHashMap<>();
        Map<DeliveryKey, DeliveryDelta> deliveries = new HashMap<>();
        for (IncomingEvent event : events) {
            switch (event.type()) {
                case KpiEvents.DOSSIER_STATUS_CHANGED -> {
                    DossierStatusChanged d = event.dataAs(DossierStatusChanged.class);
                    requireNonNull(event, d.id(), d.agencyCode(), d.occurredAt());
                    dossiers.merge(d.id(), d, (a, b) -> b.version() > a.version() ? b : a);
                    firstSeen.merge(d.id(), d.occurredAt(), (a, b) -> a.isBefore(b) ? a : b);
                }
                case KpiEvents.DOSSIER_RATED -> {
                    DossierRated r = event.dataAs(DossierRated.class);
                    requireNonNull(event, r.id(), r.agencyCode(), r.ratedAt());
                    ratings.merge(r.id(), r, (a, b) -> RATING_ORDER.compare(b, a) > 0 ? b : a);
                }
                case KpiEvents.PAYMENT_STATUS_CHANGED -> {
                    PaymentStatusChanged p = event.dataAs(PaymentStatusChanged.class);
                    requireNonNull(event, p.id(), p.agencyCode(), p.occurredAt());
                    payments.merge(p.id(), p, (a, b) -> b.version() > a.version() ? b : a);
                }
                case KpiEvents.DOCUMENT_SENT -> {
                    DocumentSent s = event.dataAs(DocumentSent.class);
                    requireNonNull(event, s.id(), s.sender(), s.receivedAt());
                    documents.putIfAbsent(s.id(), s);
                    for (String recipient : s.recipients()) {
                        delta(deliveries, s.id(), recipient).listed = true;
                    }
                }
                case KpiEvents.DOCUMENT_DELIVERED -> {
                    DocumentDelivered d = event.dataAs(DocumentDelivered.class);
                    requireNonNull(event, d.id(), d.recipient(), d.deliveredAt());
                    delta(deliveries, d.id(), d.recipient()).delivered(d.deliveredAt());
                }
                case KpiEvents.DOCUMENT_STATUS_CHANGED -> {
                    DocumentStatusChanged s = event.dataAs(DocumentStatusChanged.class);
                    requireNonNull(event, s.id(), s.recipient(), s.reportedAt());
                    delta(deliveries, s.id(), s.recipient()).status(s.statusCode(), s.reportedAt());
                }
                case KpiEvents.DOCUMENT_RECALLED -> {
                    DocumentRecalled r = event.dataAs(DocumentRecalled.class);
                    requireNonNull(event, r.id(), r.recipient(), r.recalledAt());
                    delta(deliveries, r.id(), r.recipient()).recalled(r.recalledAt());
                }
                default -> {
                    // another event type on the same topic: no figure depends on it
                }
            }
        }
        writeDossiers(dossiers, firstSeen);
        writeRatings(ratings);
        writePayments(payments);
        writeDocuments(documents);
        writeDeliveries(deliveries);
    }

    /** Empties every latest-state table, before a rebuild. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void clear() {
        jdbc.execute("TRUNCATE kpi_dossier, kpi_rating, kpi_payment, kpi_document, kpi_delivery");
    }

    private void writeDossiers(Map<UUID, DossierStatusChanged> dossiers, Map<UUID, OffsetDateTime> firstSeen) {
        List<Object[]> rows = new ArrayList<>(dossiers.size());
        dossiers.values().stream()
                .sorted(Comparator.comparing(DossierStatusChanged::id))
                .forEach(d -> rows.add(new Object[] {
                    d.id(),
                    d.code(),
                    d.agencyCode(),
                    d.procedureCode(),
                    d.level(),
                    d.fullyOnline(),
                    d.channel(),
                    d.status(),
                    d.version(),
                    ts(d.occurredAt()),
                    ts(d.submittedAt()),
                    ts(d.receivedAt()),
                    d.dueDate(),
                    d.rescheduledDate(),
                    ts(d.completedAt()),
                    ts(firstSeen.get(d.id()))
                }));
        batch(UPSERT_DOSSIER, rows);
    }

    private void writeRatings(Map<UUID, DossierRated> ratings) {
        List<Object[]> rows = new ArrayList<>(ratings.size());
        ratings.values().stream()
                .sorted(Comparator.comparing(DossierRated::id))
                .forEach(r -> rows.add(new Object[] {r.id(), r.agencyCode(), r.total(), r.order(), ts(r.ratedAt())}));
        batch(UPSERT_RATING, rows);
    }

    private void writePayments(Map<UUID, PaymentStatusChanged> payments) {
        List<Object[]> rows = new ArrayList<>(payments.size());
        payments.values().stream()
                .sorted(Comparator.comparing(PaymentStatusChanged::id))
                .forEach(p -> rows.add(new Object[] {
                    p.id(),
                    p.dossierId(),
                    p.agencyCode(),
                    p.method(),
                    p.status(),
                    p.amount(),
                    p.version(),
                    ts(p.occurredAt())
                }));
        batch(UPSERT_PAYMENT, rows);
    }

    private void writeDocuments(Map<UUID, DocumentSent> documents) {
        List<Object[]> rows = new ArrayList<>(documents.size());
        documents.values().stream()
                .sorted(Comparator.comparing(DocumentSent::id))
                .forEach(s -> rows.add(new Object[] {
                    s.id(), s.documentId(), s.sender(), ts(s.receivedAt()), ts(feedbackDeadline.of(s.receivedAt()))
                }));
        batch(INSERT_DOCUMENT, rows);
    }

    private void writeDeliveries(Map<DeliveryKey, DeliveryDelta> deliveries) {
        List<Object[]> rows = new ArrayList<>(deliveries.size());
        deliveries.entrySet().stream()
                .sorted(Map.Entry.comparingByKey(
                        Comparator.comparing(DeliveryKey::document).thenComparing(DeliveryKey::recipient)))
                .forEach(e -> {
                    DeliveryDelta d = e.getValue();
                    rows.add(new Object[] {
                        e.getKey().document(),
                        e.getKey().recipient(),
                        d.listed,
                        ts(d.deliveredAt),
                        ts(d.feedbackAt),
                        d.lastStatus,
                        ts(d.lastReportedAt),
                        ts(d.recalledAt)
                    });
                });
        batch(UPSERT_DELIVERY, rows);
    }

    /** Writes rows with multi-row statements of up to {@link #ROWS_PER_STATEMENT} rows, nulls typed. */
    private void batch(Upsert upsert, List<Object[]> rows) {
        for (int from = 0; from < rows.size(); from += ROWS_PER_STATEMENT) {
            List<Object[]> chunk = rows.subList(from, Math.min(rows.size(), from + ROWS_PER_STATEMENT));
            jdbc.update(upsert.sql(chunk.size()), ps -> {
                int index = 1;
                for (Object[] row : chunk) {
                    for (int c = 0; c < row.length; c++) {
                        if (row[c] == null) {
                            ps.setNull(index++, upsert.types()[c]);
                        } else {
                            ps.setObject(index++, row[c]);
                        }
                    }
                }
            });
        }
    }

    private static final int ROWS_PER_STATEMENT = 500;

    /** An INSERT of rows of the given column types, followed by its ON CONFLICT clause. */
    private record Upsert(String head, int[] types, String tail) {

        String sql(int rows) {
            String tuple = "(" + String.join(", ", java.util.Collections.nCopies(types.length, "?")) + ")";
            return head + " VALUES " + String.join(", ", java.util.Collections.nCopies(rows, tuple)) + tail;
        }
    }

    private static Timestamp ts(OffsetDateTime time) {
        return time == null ? null : Timestamp.from(time.toInstant());
    }

    private static void requireNonNull(IncomingEvent event, Object... required) {
        for (Object value : required) {
            if (value == null) {
                throw new vn.egov.platform.events.InvalidEventException(
                        "event " + event.id() + " of type " + event.type() + " lacks a required field",
                        java.util.List.of("a required field is null"));
            }
        }
    }

    private static final Comparator<DossierRated> RATING_ORDER = Comparator.comparingLong(DossierRated::order)
            .thenComparing(DossierRated::ratedAt)
            .thenComparingInt(DossierRated::total);

    private static DeliveryDelta delta(Map<DeliveryKey, DeliveryDelta> deliveries, UUID document, String recipient) {
        return deliveries.computeIfAbsent(new DeliveryKey(document, recipient), k -> new DeliveryDelta());
    }

    private record DeliveryKey(UUID document, String recipient) {}

    /** What a batch says about one delivery, merged the same way the upsert merges it into the row. */
    private static final class DeliveryDelta {
        boolean listed;
        OffsetDateTime deliveredAt;
        OffsetDateTime feedbackAt;
        String lastStatus;
        OffsetDateTime lastReportedAt;
        OffsetDateTime recalledAt;

        void delivered(OffsetDateTime at) {
            deliveredAt = earliest(deliveredAt, at);
        }

        void status(String code, OffsetDateTime at) {
            switch (code) {
                case "01" -> delivered(at);
                case "02", "03", "04", "05", "06" -> {
                    delivered(at);
                    feedbackAt = earliest(feedbackAt, at);
                }
                case "15" -> recalled(at);
                default -> {
                    // 13 (the sender's recall request) and 16 (recall refused) change no figure by themselves
                }
            }
            if (lastReportedAt == null
                    || at.isAfter(lastReportedAt)
                    || (at.isEqual(lastReportedAt) && code.compareTo(Objects.requireNonNullElse(lastStatus, "")) > 0)) {
                lastReportedAt = at;
                lastStatus = code;
            }
        }

        void recalled(OffsetDateTime at) {
            recalledAt = earliest(recalledAt, at);
        }

        private static OffsetDateTime earliest(OffsetDateTime a, OffsetDateTime b) {
            return a == null ? b : b == null ? a : a.isBefore(b) ? a : b;
        }
    }
}
