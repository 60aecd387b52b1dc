package vn.egov.portal.transfer;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code egov.portal.transfer}: how the portal reaches the document interchange for inter-agency transfers.
 *
 * @param interchangeUrl base URL of the interchange (its REST API under {@code /api/interchange})
 * @param tokenUri OAuth2 token endpoint for the client-credentials grant; empty: no Authorization header
 * @param clientId the portal's machine client (its token must carry the sending agency's {@code agency_code})
 * @param clientSecret its secret
 * @param timeout connect and read timeout of each call
 * @param firstRetry the wait after the first failed attempt; doubled after each failure
 * @param maxRetry the longest wait between attempts (a transfer is retried until it is accepted or refused)
 * @param batch transfers sent or followed per run
 */
@ConfigurationProperties("egov.portal.transfer")
public record TransferProperties(
        String interchangeUrl,
        String tokenUri,
        String clientId,
        String clientSecret,
        Duration timeout,
        Duration firstRetry,
        Duration maxRetry,
        int batch) {

    public TransferProperties {
        interchangeUrl = interchangeUrl == null ? "http://localhost:8082" : interchangeUrl.replaceAll("/+$", "");
        timeout = timeout == null ? Duration.ofSeconds(10) : timeout;
        firstRetry = firstRetry == null ? Duration.ofSeconds(30) : firstRetry;
        maxRetry = maxRetry == null ? Duration.ofHours(1) : maxRetry;
        batch = batch <= 0 ? 20 : batch;
    }

    /** The wait before attempt {@code attempts + 1}, after {@code attempts} failures: doubling, capped. */
    public Duration backoff(int attempts) {
        int doublings = Math.min(Math.max(attempts - 1, 0), 30);
        Duration wait = firstRetry.multipliedBy(1L << doublings);
        return wait.compareTo(maxRetry) > 0 ? maxRetry : wait;
    }
}
