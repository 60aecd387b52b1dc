package vn.egov.portal.payment;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Online fee payment settings ({@code egov.portal.payment}). With {@code provider.base-url} empty the portal's
 * embedded SANDBOX provider answers in-process; set it (with the merchant code and the shared secret the payment
 * platform issued) to talk to a real provider over HTTP.
 *
 * @param provider where the payment platform is and how the portal is known to it
 * @param returnUrl where the provider sends the payer's browser back to after paying
 * @param callbackTimeout a PENDING payment without callback after this long becomes UNKNOWN and is queried
 * @param abandonAfter an UNKNOWN payment the provider never heard of is CANCELLED after this long
 * @param jobs the scheduled jobs (resolution of UNKNOWN payments, daily reconciliation)
 */
@ConfigurationProperties("egov.portal.payment")
public record PaymentProperties(
        Provider provider, String returnUrl, Duration callbackTimeout, Duration abandonAfter, Jobs jobs) {

    public PaymentProperties {
        provider = provider == null ? new Provider(null, null, null, null, null) : provider;
        returnUrl = returnUrl == null ? "/thanh-toan/ket-qua" : returnUrl;
        callbackTimeout = callbackTimeout == null ? Duration.ofMinutes(15) : callbackTimeout;
        abandonAfter = abandonAfter == null ? Duration.ofHours(24) : abandonAfter;
        jobs = jobs == null ? new Jobs(null, null, null) : jobs;
    }

    /**
     * @param baseUrl the provider's API base (query, settlements); empty = the embedded sandbox, in-process
     * @param payUrl the page the payer is redirected to; default {@code <baseUrl>/pay} or the sandbox's page
     * @param merchantCode the portal's merchant code at the provider (mã đơn vị thu)
     * @param secret the shared secret keying the HMAC-SHA256 checksums
     * @param timeout connect and read timeout of a call to the provider
     */
    public record Provider(String baseUrl, String payUrl, String merchantCode, String secret, Duration timeout) {
        public Provider {
            baseUrl = baseUrl == null || baseUrl.isBlank() ? null : baseUrl.replaceAll("/+$", "");
            payUrl = payUrl == null || payUrl.isBlank()
                    ? (baseUrl == null ? "/sandbox/paygov/pay" : baseUrl + "/pay")
                    : payUrl;
            merchantCode = merchantCode == null ? "DVC-PORTAL" : merchantCode;
            if (secret == null || secret.isBlank()) {
                throw new IllegalArgumentException("egov.portal.payment.provider.secret is required");
            }
            timeout = timeout == null ? Duration.ofSeconds(10) : timeout;
        }

        public boolean sandbox() {
            return baseUrl == null;
        }
    }

    /**
     * @param enabled run the jobs on a schedule (each under a ShedLock lock, one replica at a time)
     * @param resolveEvery how often PENDING/UNKNOWN payments are checked
     * @param reconcileCron when yesterday's settled transactions are reconciled (Vietnam time)
     */
    public record Jobs(Boolean enabled, Duration resolveEvery, String reconcileCron) {
        public Jobs {
            enabled = enabled == null || enabled;
            resolveEvery = resolveEvery == null ? Duration.ofMinutes(1) : resolveEvery;
            reconcileCron = reconcileCron == null ? "0 30 1 * * *" : reconcileCron;
        }
    }
}
