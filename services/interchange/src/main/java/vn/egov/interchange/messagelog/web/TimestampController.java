package vn.egov.interchange.messagelog.web;

import java.security.cert.CertificateEncodingException;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import vn.egov.interchange.messagelog.Timestamper;
import vn.egov.platform.web.ApiProblem;

/**
 * Dịch vụ cấp dấu thời gian — the platform's time-stamping service over HTTP, RFC 3161 §3.4: a DER {@code
 * TimeStampReq} posted as {@code application/timestamp-query} is answered with a DER {@code TimeStampResp} as {@code
 * application/timestamp-reply} (a request that cannot be read gets a {@code rejection}/{@code badDataFormat} reply,
 * not an HTTP error). Callers are platform services and integrators (role {@code integrator}) and platform
 * administrators; the TSA certificate that verifies the tokens is public ({@code GET .../timestamps/certificate}).
 */
@RestController
class TimestampController {

    static final String TIMESTAMP_QUERY = "application/timestamp-query";
    static final String TIMESTAMP_REPLY = "application/timestamp-reply";
    static final String PKIX_CERT = "application/pkix-cert";

    /** A TimeStampReq holds a digest, a policy, a nonce and extensions: a few hundred bytes. */
    static final int REQUEST_MAX = 8 * 1024;

    private final Timestamper timestamper;

    TimestampController(Timestamper timestamper) {
        this.timestamper = timestamper;
    }

    @PostMapping(path = "/api/interchange/timestamps", consumes = TIMESTAMP_QUERY)
    @PreAuthorize("hasAnyRole('integrator','platform-admin')")
    ResponseEntity<byte[]> timestamp(@RequestBody byte[] request) {
        if (request.length > REQUEST_MAX) {
            throw new ApiProblem(
                    HttpStatus.CONTENT_TOO_LARGE,
                    "timestamp-query-too-large",
                    "Yêu cầu cấp dấu thời gian quá lớn (tối đa 8 KB): chỉ gửi giá trị băm, không gửi tài liệu.");
        }
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(TIMESTAMP_REPLY))
                .cacheControl(CacheControl.noStore())
                .body(timestamper.respond(request));
    }

    @GetMapping("/api/interchange/timestamps/certificate")
    ResponseEntity<byte[]> certificate() throws CertificateEncodingException {
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(PKIX_CERT))
                .body(timestamper.certificate().getEncoded());
    }
}
