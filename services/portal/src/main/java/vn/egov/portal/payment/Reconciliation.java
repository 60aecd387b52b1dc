package vn.egov.portal.payment;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Đối soát giao dịch: matches the transactions the provider settled on a day (Vietnam time) against the portal's
 * payments, and records every mismatch: settled at the provider but not PAID at the portal
 * ({@code NOT_PAID_AT_PORTAL}), PAID at the portal but not settled ({@code NOT_SETTLED_AT_PROVIDER}), or different
 * amounts ({@code AMOUNT_DIFFERS}). It records; it does not change payments (an UNKNOWN payment is settled by the
 * status query).
 */
@Component
public class Reconciliation {

    private static final Logger log = LoggerFactory.getLogger(Reconciliation.class);

    /** One mismatch found. */
    public record Mismatch(
            String kind,
            String orderId,
            String providerTransactionId,
            String portalStatus,
            Long portalAmount,
            Long providerAmount) {}

    /** One run for one day. */
    public record Report(
            UUID id,
            LocalDate day,
            Instant ranAt,
            int providerCount,
            int portalCount,
            int matched,
            List<Mismatch> mismatches) {}

    private final PaymentProvider provider;
    private final PayGovProtocol protocol;
    private final PaymentProperties properties;
    private final Payments payments;
    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final Clock clock;

    public Reconciliation(
            PaymentProvider provider,
            PayGovProtocol protocol,
            PaymentProperties properties,
            Payments payments,
            JdbcClient jdbc,
            TransactionTemplate tx,
            Clock clock) {
        this.provider = provider;
        this.protocol = protocol;
        this.properties = properties;
        this.payments = payments;
        this.jdbc = jdbc;
        this.tx = tx;
        this.clock = clock;
    }

    public Report reconcile(LocalDate day) {
        Map<String, String> request = new LinkedHashMap<>();
        request.put("version", PayGovProtocol.VERSION);
        request.put("command", "SETTLEMENTS");
        request.put("merchant_code", properties.provider().merchantCode());
        request.put("date", PayGovProtocol.DAY.format(day));
        request.put("request_time", PayGovProtocol.time(clock.instant()));
        List<Map<String, String>> settled = provider.settlements(protocol.sign(request));

        Instant from = day.atStartOfDay(PayGovProtocol.VIETNAM).toInstant();
        Instant to = day.plusDays(1).atStartOfDay(PayGovProtocol.VIETNAM).toInstant();
        Map<String, Payment> portal = new HashMap<>();
        payments.paidBetween(from, to).forEach(p -> portal.put(p.id().toString(), p));
        int portalCount = portal.size();

        List<Mismatch> mismatches = new ArrayList<>();
        int matched = 0;
        int providerCount = 0;
        for (Map<String, String> item : settled) {
            if (!protocol.verify(item)) {
                log.warn("settlement line for order {} is not signed correctly; ignored", item.get("order_id"));
                continue;
            }
            providerCount++;
            String orderId = item.get("order_id");
            long amount = Long.parseLong(item.get("amount"));
            Payment p = portal.remove(orderId);
            if (p == null) {
                Optional<Payment> other = parse(orderId).flatMap(payments::find);
                mismatches.add(new Mismatch(
                        "NOT_PAID_AT_PORTAL",
                        orderId,
                        item.get("transaction_id"),
                        other.map(o -> o.status().name()).orElse(null),
                        other.map(Payment::amount).orElse(null),
                        amount));
            } else if (p.amount() != amount) {
                mismatches.add(new Mismatch(
                        "AMOUNT_DIFFERS", orderId, item.get("transaction_id"), "PAID", p.amount(), amount));
            } else {
                matched++;
            }
        }
        for (Payment p : portal.values()) {
            mismatches.add(new Mismatch(
                    "NOT_SETTLED_AT_PROVIDER", p.id().toString(), p.providerTransactionId(), "PAID", p.amount(), null));
        }
        Report report = new Report(
                UUID.randomUUID(), day, clock.instant(), providerCount, portalCount, matched, List.copyOf(mismatches));
        tx.executeWithoutResult(s -> save(report));
        if (!mismatches.isEmpty()) {
            log.warn("reconciliation of {}: {} mismatch(es)", day, mismatches.size());
        }
        return report;
    }

    /** The latest run for a day. */
    public Optional<Report> latest(LocalDate day) {
        return jdbc.sql("""
                        select id, ran_at, provider_count, portal_count, matched from payment_reconciliation
                        where day = ? order by ran_at desc limit 1""")
                .param(day)
                .query((rs, n) -> new Report(
                        rs.getObject(1, UUID.class),
                        day,
                        rs.getTimestamp(2).toInstant(),
                        rs.getInt(3),
                        rs.getInt(4),
                        rs.getInt(5),
                        List.of()))
                .optional()
                .map(r -> new Report(
                        r.id(),
                        r.day(),
                        r.ranAt(),
                        r.providerCount(),
                        r.portalCount(),
                        r.matched(),
                        jdbc.sql("""
                                        select kind, order_id, provider_transaction_id, portal_status, portal_amount,
                                          provider_amount
                                        from payment_mismatch where reconciliation_id = ? order by id""")
                                .param(r.id())
                                .query((rs, n) -> new Mismatch(
                                        rs.getString(1),
                                        rs.getString(2),
                                        rs.getString(3),
                                        rs.getString(4),
                                        (Long) rs.getObject(5),
                                        (Long) rs.getObject(6)))
                                .list()));
    }

    private void save(Report report) {
        jdbc.sql("""
                        insert into payment_reconciliation (id, day, ran_at, provider_count, portal_count, matched,
                          mismatches) values (?, ?, ?, ?, ?, ?, ?)""")
                .params(
                        report.id(),
                        report.day(),
                        Timestamp.from(report.ranAt()),
                        report.providerCount(),
                        report.portalCount(),
                        report.matched(),
                        report.mismatches().size())
                .update();
        for (Mismatch m : report.mismatches()) {
            jdbc.sql("""
                            insert into payment_mismatch (reconciliation_id, kind, order_id, provider_transaction_id,
                              portal_status, portal_amount, provider_amount) values (?, ?, ?, ?, ?, ?, ?)""")
                    .params(
                            report.id(),
                            m.kind(),
                            m.orderId(),
                            m.providerTransactionId(),
                            m.portalStatus(),
                            m.portalAmount(),
                            m.providerAmount())
                    .update();
        }
    }

    private static Optional<UUID> parse(String orderId) {
        try {
            return Optional.of(UUID.fromString(orderId));
        } catch (IllegalArgumentException | NullPointerException e) {
            return Optional.empty();
        }
    }
}
