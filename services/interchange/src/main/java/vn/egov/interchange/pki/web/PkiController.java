package vn.egov.interchange.pki.web;

import java.time.Instant;
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
import vn.egov.interchange.pki.DevelopmentCaRevocation;
import vn.egov.interchange.pki.Revocation;
import vn.egov.platform.security.Caller;
import vn.egov.platform.web.ApiProblem;

/**
 * The development CA's revocation service: platform administrators revoke certificates; anyone (public paths, no
 * token, as relying parties need) fetches the CRL ({@code application/pkix-crl}), asks the OCSP responder
 * ({@code application/ocsp-request} → {@code application/ocsp-response}) or downloads the CA certificate.
 */
@RestController
@RequestMapping("/api/interchange/pki")
class PkiController {

    static final String PKIX_CRL = "application/pkix-crl";
    static final String PKIX_CERT = "application/pkix-cert";
    static final String OCSP_REQUEST = "application/ocsp-request";
    static final String OCSP_RESPONSE = "application/ocsp-response";
    static final int OCSP_REQUEST_MAX = 64 * 1024;

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

    @PostMapping(path = "/ocsp", consumes = OCSP_REQUEST)
    ResponseEntity<byte[]> ocsp(@RequestBody byte[] request) {
        if (request.length > OCSP_REQUEST_MAX) {
            throw ApiProblem.badField("invalid", "body", "Yêu cầu OCSP quá lớn (tối đa 64 KB).");
        }
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(OCSP_RESPONSE))
                .cacheControl(CacheControl.noStore())
                .body(ca().ocsp(request));
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
