package vn.egov.interchange.agency;

import java.net.URI;
import java.net.URISyntaxException;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.egov.interchange.pki.CertificateTrust;
import vn.egov.interchange.pki.CertificateTrustException;
import vn.egov.interchange.pki.DevelopmentCa;
import vn.egov.interchange.pki.DevelopmentCaRevocation;
import vn.egov.interchange.pki.DevelopmentCaStore;
import vn.egov.interchange.pki.Pem;
import vn.egov.interchange.pki.PkiProperties;
import vn.egov.platform.web.ApiProblem;
import vn.egov.platform.web.FieldProblem;

/** Use cases of the agency directory: register an agency, register or issue its signing certificate, look it up. */
@Service
public class AgencyDirectory {

    private final Agencies agencies;
    private final Clock clock;
    private final DevelopmentCaStore developmentCa;
    private final CertificateTrust trust;
    private final DevelopmentCaRevocation revocation;
    private final DevelopmentCa.PublicationPoints publicationPoints;

    public AgencyDirectory(
            Agencies agencies,
            Clock clock,
            org.springframework.beans.factory.ObjectProvider<DevelopmentCaStore> ca,
            CertificateTrust trust,
            org.springframework.beans.factory.ObjectProvider<DevelopmentCaRevocation> revocation,
            PkiProperties pki) {
        this.agencies = agencies;
        this.clock = clock;
        this.developmentCa = ca.getIfAvailable();
        this.trust = trust;
        this.revocation = revocation.getIfAvailable();
        this.publicationPoints = DevelopmentCa.PublicationPoints.under(pki.publicUrl());
    }

    /** What an administrator submits to register an agency. */
    public record Registration(
            String code2016,
            String code2020,
            String name,
            String parentCode,
            Agency.Contact contact,
            String deliveryMode,
            String webhookUrl,
            String certificatePem) {}

    @Transactional
    public Agency register(Registration r) {
        List<FieldProblem> problems = new ArrayList<>();
        checkCode(r.code2016(), "code2016", OrganisationCodeFormat.QCVN102_2016, problems);
        checkCode(r.code2020(), "code2020", OrganisationCodeFormat.QD20_2020, problems);
        if (blank(r.code2016()) && blank(r.code2020())) {
            problems.add(new FieldProblem("code2016", "Cần ít nhất một mã định danh (code2016 hoặc code2020)."));
        }
        if (blank(r.name())) {
            problems.add(new FieldProblem("name", "Tên cơ quan là bắt buộc."));
        } else if (r.name().length() > 300) {
            problems.add(new FieldProblem("name", "Tên cơ quan dài tối đa 300 ký tự."));
        }
        UUID parentId = null;
        if (!blank(r.parentCode())) {
            parentId = agencies.byCode(r.parentCode()).map(Agency::id).orElse(null);
            if (parentId == null) {
                problems.add(
                        new FieldProblem("parentCode", "Không có cơ quan cấp trên với mã " + r.parentCode() + "."));
            }
        }
        Agency.DeliveryEndpoint delivery = delivery(r.deliveryMode(), r.webhookUrl(), problems);
        Agency.AgencyCertificate certificate = null;
        if (!blank(r.certificatePem())) {
            certificate = certificate(r.certificatePem(), problems);
        }
        if (!problems.isEmpty()) {
            throw new ApiProblem(
                    HttpStatus.BAD_REQUEST, "invalid", "Thông tin cơ quan không hợp lệ; xem danh sách lỗi.", problems);
        }
        if (certificate != null) {
            trusted(certificate);
        }
        for (String code : new String[] {r.code2016(), r.code2020()}) {
            if (!blank(code) && agencies.byCode(code).isPresent()) {
                throw new ApiProblem(
                        HttpStatus.CONFLICT,
                        "agency-exists",
                        "Mã định danh " + code + " đã được đăng ký cho một cơ quan khác.",
                        List.of(new FieldProblem(code.equals(r.code2016()) ? "code2016" : "code2020", "đã tồn tại")));
            }
        }
        Instant now = clock.instant();
        Agency agency = new Agency(
                UUID.randomUUID(),
                emptyToNull(r.code2016()),
                emptyToNull(r.code2020()),
                r.name().strip(),
                parentId,
                r.contact() == null ? new Agency.Contact(null, null, null, null, null) : r.contact(),
                delivery,
                certificate,
                now,
                now);
        agencies.insert(agency);
        return agency;
    }

    @Transactional
    public Agency registerCertificate(String code, String certificatePem) {
        Agency agency = find(code);
        List<FieldProblem> problems = new ArrayList<>();
        Agency.AgencyCertificate certificate = certificate(certificatePem, problems);
        if (!problems.isEmpty()) {
            throw new ApiProblem(
                    HttpStatus.BAD_REQUEST, "invalid", problems.getFirst().reason(), problems);
        }
        trusted(certificate);
        Agency updated = agency.withCertificate(certificate, clock.instant());
        agencies.updateCertificate(updated);
        return updated;
    }

    /** A certificate from the development CA, with its private key: handed over once, never stored by the axis. */
    public record IssuedCertificate(
            Agency agency, String certificatePem, String privateKeyPem, String caCertificatePem) {}

    @Transactional
    public IssuedCertificate issueDevelopmentCertificate(String code) {
        if (developmentCa == null) {
            throw new ApiProblem(
                    HttpStatus.NOT_FOUND,
                    "development-ca-disabled",
                    "CA thử nghiệm không được bật trên hệ thống này; hãy đăng ký chứng thư số thật.");
        }
        Agency agency = find(code);
        DevelopmentCa ca = developmentCa.ca();
        DevelopmentCa.Issued issued = ca.issue(agency.code(), agency.name(), Duration.ofDays(730), publicationPoints);
        if (revocation != null) {
            revocation.recordIssued(issued.certificate(), agency.code());
        }
        Agency updated = agency.withCertificate(Agency.AgencyCertificate.of(issued.certificate()), clock.instant());
        agencies.updateCertificate(updated);
        return new IssuedCertificate(
                updated,
                Pem.certificate(issued.certificate()),
                Pem.privateKey(issued.privateKey()),
                Pem.certificate(ca.certificate()));
    }

    public Agency find(String code) {
        return agencies.byCode(code)
                .orElseThrow(() -> new ApiProblem(
                        HttpStatus.NOT_FOUND,
                        "agency-not-found",
                        "Không có cơ quan với mã định danh " + code + " trong danh bạ."));
    }

    public List<Agency> all() {
        return agencies.all();
    }

    private Agency.AgencyCertificate certificate(String pem, List<FieldProblem> problems) {
        X509Certificate x509;
        try {
            x509 = Pem.parseCertificate(pem);
        } catch (IllegalArgumentException e) {
            problems.add(new FieldProblem("certificatePem", "Không phải chứng thư số X.509 dạng PEM."));
            return null;
        }
        try {
            x509.checkValidity(Date.from(clock.instant()));
        } catch (CertificateExpiredException e) {
            problems.add(new FieldProblem(
                    "certificatePem",
                    "Chứng thư số đã hết hạn ngày " + x509.getNotAfter().toInstant() + "."));
            return null;
        } catch (CertificateNotYetValidException e) {
            problems.add(new FieldProblem("certificatePem", "Chứng thư số chưa có hiệu lực."));
            return null;
        }
        return Agency.AgencyCertificate.of(x509);
    }

    /**
     * 422 naming certificatePem when the certificate does not chain to a trust anchor, is revoked, or is not for
     * signing (a CA certificate, a key usage without digitalSignature and nonRepudiation).
     */
    private void trusted(Agency.AgencyCertificate certificate) {
        try {
            trust.check(certificate.x509(), clock.instant());
        } catch (CertificateTrustException e) {
            String code =
                    switch (e.kind()) {
                        case UNTRUSTED -> "certificate-untrusted";
                        case REVOKED -> "certificate-revoked";
                        case UNDETERMINED -> "revocation-unavailable";
                        case NOT_FOR_SIGNING -> "certificate-not-for-signing";
                    };
            HttpStatus status = e.kind() == CertificateTrustException.Kind.UNDETERMINED
                    ? HttpStatus.SERVICE_UNAVAILABLE
                    : HttpStatus.UNPROCESSABLE_CONTENT;
            throw new ApiProblem(
                    status, code, e.getMessage(), List.of(new FieldProblem("certificatePem", e.getMessage())));
        }
    }

    private static Agency.DeliveryEndpoint delivery(String mode, String webhookUrl, List<FieldProblem> problems) {
        if (blank(mode) || mode.equals("PULL")) {
            return Agency.DeliveryEndpoint.pull();
        }
        if (!mode.equals("PUSH")) {
            problems.add(new FieldProblem("deliveryMode", "Chỉ nhận PULL hoặc PUSH."));
            return Agency.DeliveryEndpoint.pull();
        }
        try {
            URI uri = new URI(webhookUrl == null ? "" : webhookUrl);
            if (!("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) || uri.getHost() == null) {
                throw new URISyntaxException(String.valueOf(webhookUrl), "not http(s)");
            }
            return new Agency.DeliveryEndpoint(Agency.DeliveryEndpoint.Mode.PUSH, uri);
        } catch (URISyntaxException e) {
            problems.add(new FieldProblem("webhookUrl", "Cần địa chỉ webhook http(s) tuyệt đối khi nhận kiểu PUSH."));
            return Agency.DeliveryEndpoint.pull();
        }
    }

    private static void checkCode(
            String code, String field, OrganisationCodeFormat expected, List<FieldProblem> problems) {
        if (blank(code)) {
            return;
        }
        OrganisationCodeCheck.Result result = OrganisationCodeCheck.check(code);
        if (!result.valid()) {
            result.reasons().forEach(reason -> problems.add(new FieldProblem(field, reason)));
        } else if (result.format() != expected) {
            problems.add(new FieldProblem(
                    field, "Mã " + code + " thuộc dạng " + result.format() + ", không phải " + expected + "."));
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static String emptyToNull(String s) {
        return blank(s) ? null : s;
    }
}
