package vn.egov.interchange.sending;

import java.time.Clock;
import java.time.Instant;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.w3c.dom.Document;
import vn.egov.interchange.agency.Agencies;
import vn.egov.interchange.agency.Agency;
import vn.egov.interchange.agency.OrganisationCodeCheck;
import vn.egov.interchange.pki.CertificateTrust;
import vn.egov.interchange.pki.CertificateTrustException;
import vn.egov.interchange.signature.SignatureException;
import vn.egov.interchange.signature.XmlSignatures;
import vn.egov.platform.security.Caller;
import vn.egov.platform.web.ApiProblem;

/**
 * Establishes who really sends a package or status package: the organisation named in it must be a registered
 * agency, must be the agency of the caller's token ({@code agency_code}), and the package must carry a valid
 * signature, covering all of it, made with that agency's registered certificate; that certificate must chain to a
 * trust anchor and must not be revoked at the time of verification.
 */
@Component
public class AuthenticSender {

    private final Agencies agencies;
    private final XmlSignatures signatures;
    private final Clock clock;
    private final CertificateTrust trust;

    public AuthenticSender(Agencies agencies, XmlSignatures signatures, Clock clock, CertificateTrust trust) {
        this.agencies = agencies;
        this.signatures = signatures;
        this.clock = clock;
        this.trust = trust;
    }

    public Agency check(Caller caller, String claimedCode, String field, Document signed) {
        if (caller.agencyCode() == null || caller.agencyCode().isBlank()) {
            throw new ApiProblem(
                    HttpStatus.FORBIDDEN,
                    "no-agency",
                    "Mã truy cập không mang mã cơ quan (agency_code); chỉ hệ thống của một cơ quan mới gửi được gói tin.");
        }
        var codeCheck = OrganisationCodeCheck.check(claimedCode);
        if (!codeCheck.valid()) {
            throw PackageProblems.field(
                    HttpStatus.BAD_REQUEST,
                    "invalid-organisation-code",
                    field,
                    "Mã định danh \"" + claimedCode + "\" không hợp lệ: " + String.join(" ", codeCheck.reasons()));
        }
        Agency sender = agencies.byCode(claimedCode)
                .orElseThrow(() -> PackageProblems.field(
                        HttpStatus.UNPROCESSABLE_CONTENT,
                        "unknown-sender",
                        field,
                        "Cơ quan " + claimedCode + " chưa có trong danh bạ của trục liên thông."));
        if (!sender.isKnownAs(caller.agencyCode())) {
            throw PackageProblems.field(
                    HttpStatus.FORBIDDEN,
                    "sender-mismatch",
                    field,
                    "Gói tin ghi cơ quan gửi " + claimedCode + " nhưng mã truy cập thuộc cơ quan " + caller.agencyCode()
                            + ".");
        }
        if (sender.certificate() == null) {
            throw PackageProblems.field(
                    HttpStatus.UNPROCESSABLE_CONTENT,
                    "certificate-not-registered",
                    field,
                    "Cơ quan " + claimedCode + " chưa đăng ký chứng thư số để ký gói tin.");
        }
        Instant now = clock.instant();
        if (sender.certificate().notAfter().isBefore(now)) {
            throw PackageProblems.field(
                    HttpStatus.UNPROCESSABLE_CONTENT,
                    "certificate-expired",
                    field,
                    "Chứng thư số đã đăng ký của cơ quan " + claimedCode + " đã hết hạn.");
        }
        try {
            signatures.verify(signed, sender.certificate().x509());
        } catch (SignatureException e) {
            throw PackageProblems.of(e);
        }
        try {
            trust.check(sender.certificate().x509(), now);
        } catch (CertificateTrustException e) {
            throw PackageProblems.of(e, field, claimedCode);
        }
        return sender;
    }
}
