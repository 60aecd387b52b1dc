package vn.egov.portal.payment;

import java.util.List;
import java.util.Map;

/**
 * The payment platform as the portal sees it (PayGov shape, see {@link PayGovProtocol}): signed requests in, signed
 * answers out. The payer's side (the pay page and the callback) does not go through this interface: the portal
 * redirects the browser to {@link PaymentProperties.Provider#payUrl()} and the provider calls
 * {@code POST /api/portal/payments/callback}.
 */
public interface PaymentProvider {

    /**
     * Truy vấn giao dịch: the provider's answer for one order ({@code status} PENDING, PAID, FAILED or NOT_FOUND),
     * signed.
     *
     * @throws ProviderUnavailableException when the provider does not answer in time
     */
    Map<String, String> query(Map<String, String> signedRequest);

    /**
     * Danh sách giao dịch đã quyết toán: the transactions the provider settled on a day, each signed.
     *
     * @throws ProviderUnavailableException when the provider does not answer in time
     */
    List<Map<String, String>> settlements(Map<String, String> signedRequest);

    /** The provider did not answer (timeout, connection refused, 5xx): the outcome is unknown. */
    class ProviderUnavailableException extends RuntimeException {
        public ProviderUnavailableException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
