package vn.egov.portal.payment;

/**
 * Trạng thái giao dịch thanh toán: the states of a payment transaction, as published on {@code portal.payment.v1}.
 * UNKNOWN is explicit: the portal does not know whether money moved (no callback in time, or the provider did not
 * answer) until a status query to the provider says so.
 */
public enum PaymentStatus {
    /** Created; the payer was sent to the provider. */
    PENDING,
    /** The provider confirmed the money was collected; a receipt exists. */
    PAID,
    /** The provider reported the payment failed or the payer gave up. */
    FAILED,
    /** Outcome unknown: resolved by querying the provider. */
    UNKNOWN,
    /** The provider never saw the transaction; closed by the portal. */
    CANCELLED;

    /** A state a payment in this state may move to. */
    public boolean canMoveTo(PaymentStatus next) {
        return switch (this) {
            case PENDING -> next != PENDING;
            case UNKNOWN -> next == PAID || next == FAILED || next == CANCELLED;
            // the provider is the authority on money: a late confirmation still counts
            case CANCELLED -> next == PAID;
            case PAID, FAILED -> false;
        };
    }
}
