package vn.egov.portal.payment;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import vn.egov.platform.web.ApiProblem;
import vn.egov.platform.web.FieldProblem;

/**
 * Applies what the provider says about a payment (a signed callback or a query answer) exactly once: the amount must
 * match, a repeated message changes nothing, a message contradicting a final outcome is refused.
 */
@Component
public class SettlePayment {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(SettlePayment.class);

    /** What the provider reports: PAID or FAILED, its transaction id, the amount and the payment time. */
    public record ProviderResult(PaymentStatus status, String transactionId, long amount, Instant paidAt) {}

    /** The payment after the message; {@code replayed} when the message had already been applied. */
    public record Settled(Payment payment, boolean replayed) {}

    private final Payments payments;
    private final DossierAfterPayment dossierAfterPayment;
    private final Clock clock;

    public SettlePayment(Payments payments, DossierAfterPayment dossierAfterPayment, Clock clock) {
        this.payments = payments;
        this.dossierAfterPayment = dossierAfterPayment;
        this.clock = clock;
    }

    @Transactional
    public Settled apply(UUID paymentId, ProviderResult result, String source, Map<String, String> message) {
        Payment payment = payments.lock(paymentId)
                .orElseThrow(() -> new ApiProblem(
                        HttpStatus.NOT_FOUND,
                        "payment-not-found",
                        "Không tìm thấy giao dịch thanh toán " + paymentId,
                        java.util.List.of(new FieldProblem("order_id", "không có giao dịch này"))));
        if (result.amount() != payment.amount()) {
            throw new ApiProblem(
                    HttpStatus.UNPROCESSABLE_CONTENT,
                    "amount-mismatch",
                    "Số tiền " + result.amount() + " không khớp với số tiền của giao dịch (" + payment.amount() + ")",
                    java.util.List.of(new FieldProblem("amount", "phải là " + payment.amount())));
        }
        if (payment.status() == result.status()) {
            if (result.transactionId() != null
                    && payment.providerTransactionId() != null
                    && !result.transactionId().equals(payment.providerTransactionId())) {
                throw conflict(payment, result);
            }
            return new Settled(payment, true);
        }
        if (!payment.status().canMoveTo(result.status())) {
            throw conflict(payment, result);
        }
        if (result.status() == PaymentStatus.PAID) {
            payments.ofDossier(payment.dossierId()).stream()
                    .filter(p -> p.status() == PaymentStatus.PAID && !p.id().equals(paymentId))
                    .findFirst()
                    .ifPresent(other -> {
                        // money collected twice: kept out of the portal's books, reported by the reconciliation
                        log.error(
                                "payment {} confirmed while {} already paid dossier {}: refund needed",
                                paymentId,
                                other.id(),
                                payment.dossierId());
                        throw new ApiProblem(
                                HttpStatus.CONFLICT,
                                "already-paid",
                                "Phí, lệ phí của hồ sơ đã được thanh toán bằng giao dịch khác (biên lai số "
                                        + other.receiptNumber() + ")");
                    });
        }
        Instant now = clock.instant();
        Payment moved = payments.moveTo(
                payment,
                result.status(),
                result.transactionId(),
                result.status() == PaymentStatus.PAID ? result.paidAt() : null,
                result.status() == PaymentStatus.FAILED ? "Nền tảng thanh toán báo giao dịch không thành công" : null,
                now);
        payments.recordMessage(paymentId, source, message, now);
        if (moved.status() == PaymentStatus.PAID) {
            dossierAfterPayment.resumeProcessingAfterPayment(moved);
        }
        return new Settled(moved, false);
    }

    private static ApiProblem conflict(Payment payment, ProviderResult result) {
        return new ApiProblem(
                HttpStatus.CONFLICT,
                "payment-outcome-conflict",
                "Giao dịch đã ở trạng thái " + payment.status() + "; không thể ghi nhận kết quả " + result.status(),
                java.util.List.of(new FieldProblem("status", "mâu thuẫn với kết quả đã ghi nhận")));
    }
}
