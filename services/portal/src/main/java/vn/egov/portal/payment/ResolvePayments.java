package vn.egov.portal.payment;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import vn.egov.platform.web.ApiProblem;

/**
 * Truy vấn trạng thái giao dịch: asks the provider about payments whose outcome the portal does not know. A PENDING
 * payment without callback after {@code callback-timeout}, or whose query the provider did not answer, becomes
 * UNKNOWN; an UNKNOWN payment is settled by the provider's answer (PAID, FAILED), stays UNKNOWN while the provider
 * still has it pending or does not answer, and is CANCELLED when, after {@code abandon-after}, the provider never
 * heard of it or the payer never finished paying.
 */
@Component
public class ResolvePayments {

    private static final Logger log = LoggerFactory.getLogger(ResolvePayments.class);
    private static final int BATCH = 100;

    private final Payments payments;
    private final PaymentProvider provider;
    private final PayGovProtocol protocol;
    private final PaymentProperties properties;
    private final SettlePayment settle;
    private final TransactionTemplate tx;
    private final Clock clock;

    public ResolvePayments(
            Payments payments,
            PaymentProvider provider,
            PayGovProtocol protocol,
            PaymentProperties properties,
            SettlePayment settle,
            TransactionTemplate tx,
            Clock clock) {
        this.payments = payments;
        this.provider = provider;
        this.protocol = protocol;
        this.properties = properties;
        this.settle = settle;
        this.tx = tx;
        this.clock = clock;
    }

    /** One pass of the job: overdue PENDING → UNKNOWN, then every UNKNOWN queried. Returns how many were settled. */
    public int resolve() {
        Instant overdue = clock.instant().minus(properties.callbackTimeout());
        Integer marked = tx.execute(s -> {
            List<Payment> late = payments.lockOlderThan(PaymentStatus.PENDING, overdue, BATCH);
            late.forEach(p -> payments.moveTo(
                    p,
                    PaymentStatus.UNKNOWN,
                    null,
                    null,
                    "Chưa nhận được kết quả từ nền tảng thanh toán",
                    clock.instant()));
            return late.size();
        });
        if (marked != null && marked > 0) {
            log.info("{} payment(s) without callback are now UNKNOWN", marked);
        }
        int settled = 0;
        for (UUID id : payments.idsIn(PaymentStatus.UNKNOWN, BATCH)) {
            Payment after = query(id);
            if (after.status() != PaymentStatus.UNKNOWN) {
                settled++;
            }
        }
        return settled;
    }

    /** Queries the provider about one PENDING or UNKNOWN payment and applies the answer; returns the payment. */
    public Payment query(UUID id) {
        Payment payment = payments.find(id).orElseThrow();
        if (payment.status() != PaymentStatus.PENDING && payment.status() != PaymentStatus.UNKNOWN) {
            return payment;
        }
        Map<String, String> request = new LinkedHashMap<>();
        request.put("version", PayGovProtocol.VERSION);
        request.put("command", "QUERY");
        request.put("merchant_code", properties.provider().merchantCode());
        request.put("order_id", id.toString());
        request.put("request_time", PayGovProtocol.time(clock.instant()));
        Map<String, String> answer;
        try {
            answer = provider.query(protocol.sign(request));
        } catch (PaymentProvider.ProviderUnavailableException e) {
            log.warn("payment provider did not answer the query of {}: {}", id, e.getMessage());
            return markUnknown(id, "Nền tảng thanh toán không trả lời truy vấn");
        }
        if (answer == null || !protocol.verify(answer) || !id.toString().equals(answer.get("order_id"))) {
            log.warn("payment provider's answer for {} is not signed correctly; ignored", id);
            return markUnknown(id, "Trả lời truy vấn của nền tảng thanh toán không hợp lệ");
        }
        String status = String.valueOf(answer.get("status"));
        switch (status) {
            case "PAID", "FAILED" -> {
                try {
                    return settle.apply(id, PaymentCallbacks.parse(answer).result(), "QUERY", answer)
                            .payment();
                } catch (ApiProblem e) {
                    log.warn("payment provider's answer for {} cannot be applied: {}", id, e.getMessage());
                    return markUnknown(id, e.getMessage());
                }
            }
            default -> {
                // NOT_FOUND (the payer never reached the provider) or PENDING (the payer left the pay page): after
                // abandon-after the portal closes it; a confirmation arriving later still settles it (CANCELLED → PAID)
                if (payment.status() == PaymentStatus.UNKNOWN
                        && payment.createdAt().isBefore(clock.instant().minus(properties.abandonAfter()))) {
                    return move(
                            id,
                            PaymentStatus.CANCELLED,
                            "NOT_FOUND".equals(status)
                                    ? "Nền tảng thanh toán không có giao dịch này"
                                    : "Người nộp không hoàn tất thanh toán");
                }
                return payments.find(id).orElseThrow();
            }
        }
    }

    private Payment markUnknown(UUID id, String reason) {
        return move(id, PaymentStatus.UNKNOWN, reason);
    }

    private Payment move(UUID id, PaymentStatus next, String reason) {
        return tx.execute(s -> {
            Payment locked = payments.lock(id).orElseThrow();
            if (locked.status() == next || !locked.status().canMoveTo(next)) {
                return locked;
            }
            return payments.moveTo(locked, next, null, null, reason, clock.instant());
        });
    }
}
