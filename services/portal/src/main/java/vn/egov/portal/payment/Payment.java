package vn.egov.portal.payment;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Giao dịch thanh toán phí, lệ phí: one online payment of a dossier's fees, as stored. Its id is the order id the
 * payment platform knows it by.
 */
public record Payment(
        UUID id,
        UUID dossierId,
        String dossierCode,
        String procedureCode,
        String agencyCode,
        String payerPid,
        long amount,
        List<FeeItem> feeItems,
        String method,
        PaymentStatus status,
        int version,
        String idempotencyKey,
        String providerTransactionId,
        String statusReason,
        Instant createdAt,
        Instant updatedAt,
        Instant paidAt,
        String receiptNumber) {

    /** Khoản phí, lệ phí: one fee line of the procedure (code, name, amount in VND). */
    @com.fasterxml.jackson.annotation.JsonIgnoreProperties(ignoreUnknown = true)
    public record FeeItem(String code, String name, long amount) {}
}
