package vn.egov.interchange.pki.web;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriUtils;
import vn.egov.interchange.pki.DevelopmentCaRevocation;
import vn.egov.interchange.pki.Revocation;
import vn.egov.platform.security.Caller;
import vn.egov.platform.web.ApiProblem;

/**
 * The development CA's revocation service: platform administrators revoke certificates; anyone (public paths, no
 * token, as relying parties need) fetches the CRL ({@code application/pkix-crl}), asks the OCSP responder
 * ({@code application/ocsp-request} → {@code application/ocsp-response}, by POST or by GET as RFC 6960 Appendix A.1
 * allows) or downloads the CA certificate.
 */
@RestController
@RequestMapping("/api/interchange/pki")
class PkiController {

    static final String PKIX_CRL = "application/pkix-crl";
    static final String PKIX_CERT = "application/pkix-cert";
    static final String OCSP_REQUEST = "application/ocsp-request";
    static final String OCSP_RESPONSE = "application/ocsp-response";
    static final int OCSP_REQUEST_MAX = 64 * 1024;
    /** Where a GET request's encoded DER starts (RFC 6960 Appendix A.1). */
    public static final String OCSP_GET_PREFIX = "/api/interchange/pki/ocsp/";
    /** The longest encoded GET request read: base-64 of {@link #OCSP_REQUEST_MAX} bytes, every character escaped. */
    static final int OCSP_GET_MAX = 3 * (4 * (OCSP_REQUEST_MAX / 3 + 1));

    private final ObjectProvider<DevelopmentCaRevocation> revocation;

    PkiController(ObjectProvider<DevelopmentCaRevocation> revocation) {
        this.revocation = revocation;
    }

    record RevocationRequest(String serialNumber, String reason, Instant revokedAt) {}

    record RevocationView(
            String serialNumber,
            String reason,
            Instant revokedAt,
            String revokedBy,
            String subject,
            String agencyCode) {
        static RevocationView of(Revocation r) {
            return new RevocationView(
                    r.serialHex(), r.reason().name(), r.revokedAt(), r.revokedBy(), r.subject(), r.agencyCode());
        }
    }

    @PostMapping("/revocations")
    @PreAuthorize("hasRole('platform-admin')")
    ResponseEntity<RevocationView> revoke(@RequestBody RevocationRequest r, Caller caller) {
        Revocation done = ca().revoke(
                        new DevelopmentCaRevocation.Request(r.serialNumber(), r.reason(), r.revokedAt()),
                        caller.subject() + (caller.clientId() == null ? "" : " via " + caller.clientId()));
        return ResponseEntity.status(HttpStatus.CREATED).body(RevocationView.of(done));
    }

    @GetMapping("/revocations")
    @PreAuthorize("hasAnyRole('platform-admin','auditor')")
    List<RevocationView> revocations() {
        return ca().all().stream().map(RevocationView::of).toList();
    }

    @GetMapping("/crl")
    ResponseEntity<byte[]> crl() {
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(PKIX_CRL))
                .cacheControl(CacheControl.noCache())
                .body(ca().crl());
    }

    /**
     * RFC 6960 Appendix A.1, POST: the DER request is the body. It is read up to {@link #OCSP_REQUEST_MAX} bytes and no
     * further: a longer body (or a Content-Length announcing one) gets 413 with a {@code malformedRequest} OCSP
     * response.
     */
    @PostMapping(path = "/ocsp", consumes = OCSP_REQUEST)
    ResponseEntity<byte[]> ocsp(HttpServletRequest http) throws IOException {
        DevelopmentCaRevocation ca = ca();
        if (http.getContentLengthLong() > OCSP_REQUEST_MAX) {
            return tooLarge(ca);
        }
        byte[] request;
        try (InputStream in = http.getInputStream()) {
            request = in.readNBytes(OCSP_REQUEST_MAX + 1);
        }
        if (request.length > OCSP_REQUEST_MAX) {
            return tooLarge(ca);
        }
        return ocspResponse(HttpStatus.OK, ca.ocsp(request));
    }

    /**
     * RFC 6960 Appendix A.1, GET: {@code .../ocsp/{url-encoding of the base-64 encoding of the DER request}}, as the
     * JDK's client sends a short request. The path is read as received (percent-decoded here, so {@code %2F},
     * {@code %2B} and {@code %3D} as well as plain {@code /}, {@code +} and {@code =} work); anything that is not
     * base-64 gets {@code malformedRequest}.
     */
    @GetMapping("/ocsp/**")
    ResponseEntity<byte[]> ocspGet(HttpServletRequest http) {
        DevelopmentCaRevocation ca = ca();
        String prefix = http.getContextPath() + OCSP_GET_PREFIX;
        String raw = http.getRequestURI().substring(prefix.length());
        if (raw.length() > OCSP_GET_MAX) {
            return tooLarge(ca);
        }
        byte[] request;
        try {
            request = Base64.getDecoder().decode(UriUtils.decode(raw, StandardCharsets.US_ASCII));
        } catch (IllegalArgumentException e) {
            request = new byte[0];
        }
        return ocspResponse(HttpStatus.OK, ca.ocsp(request));
    }

    private static ResponseEntity<byte[]> tooLarge(DevelopmentCaRevocation ca) {
        return ocspResponse(HttpStatus.CONTENT_TOO_LARGE, ca.ocsp(new byte[0]));
    }

    private static ResponseEntity<byte[]> ocspResponse(HttpStatus status, byte[] response) {
        return ResponseEntity.status(status)
                .contentType(MediaType.parseMediaType(OCSP_RESPONSE))
                .cacheControl(CacheControl.noStore())
                .body(response);
    }

    @GetMapping("/ca-certificate")
    ResponseEntity<byte[]> caCertificate() {
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(PKIX_CERT))
                .body(ca().caCertificate());
    }

    private DevelopmentCaRevocation ca() {
        DevelopmentCaRevocation ca = revocation.getIfAvailable();
        if (ca == null) {
            throw new ApiProblem(
                    HttpStatus.NOT_FOUND,
                    "development-ca-disabled",
                    "CA thử nghiệm không được bật trên hệ thống này; chứng thư số do CA quốc gia cấp và thu hồi.");
        }
        return ca;
    }
}
