package vn.egov.interchange.pki;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the axis's certificate checks ({@code egov.interchange.pki.*}).
 *
 * @param trustAnchors PEM bundle (Spring resource location, e.g. {@code file:/etc/egov/national-roots.pem}) of the
 *     root certificates agency certificates must chain to: in a real deployment the roots of the Vietnamese
 *     government CA (Ban Cơ yếu Chính phủ). The development CA is an anchor as well while it is enabled.
 * @param intermediates PEM bundle of the subordinate CA certificates between those roots and agency certificates
 * @param publicUrl public base URL of the platform (the gateway), written into the certificates the development CA
 *     issues as their CRL distribution point and OCSP responder ({@code <publicUrl>/api/interchange/pki/crl},
 *     {@code .../ocsp})
 * @param crlValidity how long a CRL of the development CA is valid (its nextUpdate)
 * @param ocspValidity how long an OCSP answer of the development CA is valid (its nextUpdate)
 * @param revocation how certificates of other CAs are checked
 */
@ConfigurationProperties("egov.interchange.pki")
public record PkiProperties(
        String trustAnchors,
        String intermediates,
        URI publicUrl,
        Duration crlValidity,
        Duration ocspValidity,
        Revocation revocation) {

    public PkiProperties {
        trustAnchors = trustAnchors == null ? "" : trustAnchors.strip();
        intermediates = intermediates == null ? "" : intermediates.strip();
        publicUrl = publicUrl == null ? URI.create("http://localhost:8080") : publicUrl;
        crlValidity = crlValidity == null ? Duration.ofHours(1) : crlValidity;
        ocspValidity = ocspValidity == null ? Duration.ofMinutes(10) : ocspValidity;
        revocation = revocation == null ? new Revocation(null, null, null) : revocation;
    }

    /**
     * Revocation checks of certificates from other CAs (the JDK's PKIX revocation checker, OCSP first, then the CRL).
     *
     * @param whenUnavailable {@code HARD_FAIL}: when neither the OCSP responder nor the CRL answers, the package is
     *     not accepted (503, the sender resends later); {@code SOFT_FAIL}: it is accepted on the chain alone and a
     *     warning is logged
     * @param timeout connect and read timeout of each OCSP or CRL request
     * @param cacheFor how long a good or revoked answer (and a fetched CRL, at most until its nextUpdate) is reused
     */
    public record Revocation(Unavailable whenUnavailable, Duration timeout, Duration cacheFor) {
        public Revocation {
            whenUnavailable = whenUnavailable == null ? Unavailable.HARD_FAIL : whenUnavailable;
            timeout = timeout == null ? Duration.ofSeconds(5) : timeout;
            cacheFor = cacheFor == null ? Duration.ofMinutes(5) : cacheFor;
        }
    }

    public enum Unavailable {
        HARD_FAIL,
        SOFT_FAIL
    }
}
