package vn.egov.interchange.sending;

import java.util.List;
import org.springframework.http.HttpStatus;
import vn.egov.interchange.edxml.EdxmlException;
import vn.egov.interchange.edxml.SecureXml;
import vn.egov.interchange.pki.CertificateTrustException;
import vn.egov.interchange.signature.SignatureException;
import vn.egov.platform.web.ApiProblem;
import vn.egov.platform.web.FieldProblem;

/** Turns edXML and signature refusals into precise problem+json answers. */
public final class PackageProblems {

    private PackageProblems() {}

    public static ApiProblem of(EdxmlException e) {
        if (e instanceof SecureXml.SchemaViolation v) {
            return new ApiProblem(
                    HttpStatus.BAD_REQUEST,
                    "edxml-invalid",
                    e.getMessage(),
                    v.reasons().stream().map(r -> new FieldProblem("body", r)).toList());
        }
        return switch (e.kind()) {
            case MALFORMED -> problem(HttpStatus.BAD_REQUEST, "edxml-malformed", e);
            case FORBIDDEN_CONSTRUCT -> problem(HttpStatus.BAD_REQUEST, "edxml-forbidden-construct", e);
            case INVALID -> problem(HttpStatus.BAD_REQUEST, "edxml-invalid", e);
            case TOO_LARGE -> problem(HttpStatus.CONTENT_TOO_LARGE, "edxml-too-large", e);
            case MANIFEST -> problem(HttpStatus.UNPROCESSABLE_CONTENT, "edxml-manifest-mismatch", e);
        };
    }

    public static ApiProblem of(SignatureException e) {
        String code =
                switch (e.kind()) {
                    case MISSING -> "signature-missing";
                    case INVALID -> "signature-invalid";
                    case SCOPE -> "signature-scope";
                    case CERTIFICATE_MISMATCH -> "certificate-mismatch";
                };
        return new ApiProblem(
                HttpStatus.UNPROCESSABLE_CONTENT,
                code,
                e.getMessage(),
                List.of(new FieldProblem("edXMLHeader/Signature", e.getMessage())));
    }

    /**
     * 422 {@code certificate-untrusted}, {@code certificate-revoked} (the detail gives the revocation time and
     * reason) or {@code certificate-not-for-signing} (a CA certificate, a key usage that does not allow signatures); 503 {@code revocation-unavailable} when neither OCSP nor the CRL answered (hard-fail: resend later).
     */
    public static ApiProblem of(CertificateTrustException e, String field, String agencyCode) {
        String detail = "Chứng thư số đã đăng ký của cơ quan " + agencyCode + ": " + e.getMessage();
        return switch (e.kind()) {
            case UNTRUSTED -> field(HttpStatus.UNPROCESSABLE_CONTENT, "certificate-untrusted", field, detail);
            case REVOKED -> field(HttpStatus.UNPROCESSABLE_CONTENT, "certificate-revoked", field, detail);
            case UNDETERMINED -> field(HttpStatus.SERVICE_UNAVAILABLE, "revocation-unavailable", field, detail);
            case NOT_FOR_SIGNING ->
                field(HttpStatus.UNPROCESSABLE_CONTENT, "certificate-not-for-signing", field, detail);
        };
    }

    private static ApiProblem problem(HttpStatus status, String code, EdxmlException e) {
        return new ApiProblem(status, code, e.getMessage(), List.of(new FieldProblem(e.field(), e.getMessage())));
    }

    public static ApiProblem field(HttpStatus status, String code, String field, String detail) {
        return new ApiProblem(status, code, detail, List.of(new FieldProblem(field, detail)));
    }
}
