package vn.egov.portal.payment;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The payment transactions table; every status change goes through {@link #moveTo}, which publishes the event. */
@Repository
public class Payments {

    private static final String COLUMNS = """
            id, dossier_id, dossier_code, procedure_code, agency_code, payer_pid, amount, fee_items::text as fee_items,
            method, status, version, idempotency_key, provider_transaction_id, status_reason, created_at, updated_at,
            paid_at, receipt_number""";

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final PaymentEvents events;

    public Payments(JdbcClient jdbc, JsonMapper json, PaymentEvents events) {
        this.jdbc = jdbc;
        this.json = json;
        this.events = events;
    }

    public Optional<Payment> find(UUID id) {
        return jdbc.sql("select " + COLUMNS + " from payment where id = ?")
                .param(id)
                .query(this::map)
                .optional();
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public Optional<Payment> lock(UUID id) {
        return jdbc.sql("select " + COLUMNS + " from payment where id = ? for update")
                .param(id)
                .query(this::map)
                .optional();
    }

    public Optional<Payment> findByKey(String payerPid, String idempotencyKey) {
        return jdbc.sql("select " + COLUMNS + " from payment where payer_pid = ? and idempotency_key = ?")
                .params(payerPid, idempotencyKey)
                .query(this::map)
                .optional();
    }

    public List<Payment> ofDossier(UUID dossierId) {
        return jdbc.sql("select " + COLUMNS + " from payment where dossier_id = ? order by created_at")
                .param(dossierId)
                .query(this::map)
                .list();
    }

    /** Payments in a state, created before {@code before}, oldest first, skipping rows another replica holds. */
    @Transactional(propagation = Propagation.MANDATORY)
    public List<Payment> lockOlderThan(PaymentStatus status, Instant before, int limit) {
        return jdbc.sql("select " + COLUMNS
                        + " from payment where status = ? and created_at < ? order by created_at limit ?"
                        + " for update skip locked")
                .params(status.name(), Timestamp.from(before), limit)
                .query(this::map)
                .list();
    }

    public List<UUID> idsIn(PaymentStatus status, int limit) {
        return jdbc.sql("select id from payment where status = ? order by created_at limit ?")
                .params(status.name(), limit)
                .query(UUID.class)
                .list();
    }

    /** The PAID payments whose payment time falls in [from, to). */
    public List<Payment> paidBetween(Instant from, Instant to) {
        return jdbc.sql("select " + COLUMNS + " from payment where status = 'PAID' and paid_at >= ? and paid_at < ?")
                .params(Timestamp.from(from), Timestamp.from(to))
                .query(this::map)
                .list();
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public Payment insert(Payment p) {
        jdbc.sql("""
                        insert into payment (id, dossier_id, dossier_code, procedure_code, agency_code, payer_pid, amount,
                          fee_items, method, status, version, idempotency_key, created_at, updated_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, 1, ?, ?, ?)""")
                .params(
                        p.id(),
                        p.dossierId(),
                        p.dossierCode(),
                        p.procedureCode(),
                        p.agencyCode(),
                        p.payerPid(),
                        p.amount(),
                        json.writeValueAsString(p.feeItems()),
                        p.method(),
                        p.status().name(),
                        p.idempotencyKey(),
                        Timestamp.from(p.createdAt()),
                        Timestamp.from(p.updatedAt()))
                .update();
        Payment inserted = find(p.id()).orElseThrow();
        events.statusChanged(inserted, null);
        return inserted;
    }

    /**
     * Moves a locked payment to a new status: version + 1, provider's transaction id, payment time and receipt
     * number when it is paid, and the {@code status-changed} event, in the caller's transaction.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Payment moveTo(
            Payment locked,
            PaymentStatus next,
            String providerTransactionId,
            Instant paidAt,
            String reason,
            Instant now) {
        if (!locked.status().canMoveTo(next)) {
            throw new IllegalStateException(
                    "payment " + locked.id() + " cannot move from " + locked.status() + " to " + next);
        }
        String receipt = next == PaymentStatus.PAID ? nextReceiptNumber(paidAt) : null;
        jdbc.sql("""
                        update payment set status = ?, version = version + 1,
                          provider_transaction_id = coalesce(?, provider_transaction_id),
                          paid_at = coalesce(?, paid_at), receipt_number = coalesce(?, receipt_number),
                          status_reason = ?, updated_at = ?
                        where id = ? and version = ?""")
                .params(
                        next.name(),
                        providerTransactionId,
                        paidAt == null ? null : Timestamp.from(paidAt),
                        receipt,
                        reason,
                        Timestamp.from(now),
                        locked.id(),
                        locked.version())
                .update();
        Payment moved = find(locked.id()).orElseThrow();
        events.statusChanged(moved, locked.status());
        return moved;
    }

    /** Writes the signed message that changed a payment (callback or query answer), as received. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void recordMessage(UUID paymentId, String source, Map<String, String> params, Instant at) {
        jdbc.sql("insert into payment_callback (payment_id, received_at, source, params) values (?, ?, ?, ?::jsonb)")
                .params(paymentId, Timestamp.from(at), source, json.writeValueAsString(params))
                .update();
    }

    public int messageCount(UUID paymentId) {
        return jdbc.sql("select count(*) from payment_callback where payment_id = ?")
                .param(paymentId)
                .query(Integer.class)
                .single();
    }

    /** Who paid and for what, as printed on the receipt: the applicant's name, the procedure and the agency. */
    public record ReceiptParties(String payerName, String procedureName, String agencyName) {}

    public ReceiptParties receiptParties(Payment payment) {
        return jdbc.sql("""
                        select d.applicant_name, p.name, p.agency_name
                        from dossier d join procedure p on p.code = d.procedure_code where d.id = ?""")
                .param(payment.dossierId())
                .query((rs, n) -> new ReceiptParties(rs.getString(1), rs.getString(2), rs.getString(3)))
                .single();
    }

    /** Số biên lai: {@code BL<yyyy>-<8 digits>} from one database sequence (unique, never reused). */
    private String nextReceiptNumber(Instant paidAt) {
        long n = jdbc.sql("select nextval('payment_receipt_number')")
                .query(Long.class)
                .single();
        int year = paidAt.atZone(PayGovProtocol.VIETNAM).getYear();
        return "BL%d-%08d".formatted(year, n);
    }

    private Payment map(ResultSet rs, int row) throws SQLException {
        return new Payment(
                rs.getObject("id", UUID.class),
                rs.getObject("dossier_id", UUID.class),
                rs.getString("dossier_code"),
                rs.getString("procedure_code"),
                rs.getString("agency_code"),
                rs.getString("payer_pid"),
                rs.getLong("amount"),
                json.readValue(rs.getString("fee_items"), new TypeReference<List<Payment.FeeItem>>() {}),
                rs.getString("method"),
                PaymentStatus.valueOf(rs.getString("status")),
                rs.getInt("version"),
                rs.getString("idempotency_key"),
                rs.getString("provider_transaction_id"),
                rs.getString("status_reason"),
                rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("updated_at").toInstant(),
                instant(rs.getTimestamp("paid_at")),
                rs.getString("receipt_number"));
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
