package vn.egov.interchange.agency.web;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import vn.egov.interchange.agency.Agencies;
import vn.egov.interchange.agency.Agency;
import vn.egov.interchange.agency.AgencyDirectory;

/**
 * The agency directory: any caller with an egov role reads it; only platform administrators register agencies and
 * their certificates.
 */
@RestController
@RequestMapping("/api/interchange/agencies")
class AgencyController {

    private final AgencyDirectory directory;
    private final Agencies agencies;

    AgencyController(AgencyDirectory directory, Agencies agencies) {
        this.directory = directory;
        this.agencies = agencies;
    }

    record AgencyRequest(
            String code2016,
            String code2020,
            String name,
            String parentCode,
            String email,
            String telephone,
            String fax,
            String address,
            String website,
            String deliveryMode,
            String webhookUrl,
            String certificatePem) {}

    record CertificateView(String sha256, String subject, String issuer, String serialNumber, Instant notAfter) {}

    record AgencyView(
            UUID id,
            String code,
            String code2016,
            String code2020,
            String name,
            String parentCode,
            List<String> childCodes,
            Agency.Contact contact,
            String deliveryMode,
            URI webhookUrl,
            CertificateView certificate) {}

    record CertificateRequest(String certificatePem) {}

    record IssuedView(AgencyView agency, String certificatePem, String privateKeyPem, String caCertificatePem) {}

    @GetMapping
    List<AgencyView> list() {
        return directory.all().stream().map(this::view).toList();
    }

    @GetMapping("/{code}")
    AgencyView get(@PathVariable String code) {
        return view(directory.find(code));
    }

    @PostMapping
    @PreAuthorize("hasRole('platform-admin')")
    ResponseEntity<AgencyView> register(@RequestBody AgencyRequest r) {
        Agency agency = directory.register(new AgencyDirectory.Registration(
                r.code2016(),
                r.code2020(),
                r.name(),
                r.parentCode(),
                new Agency.Contact(r.email(), r.telephone(), r.fax(), r.address(), r.website()),
                r.deliveryMode(),
                r.webhookUrl(),
                r.certificatePem()));
        return ResponseEntity.created(URI.create("/api/interchange/agencies/" + agency.code()))
                .body(view(agency));
    }

    @PutMapping("/{code}/certificate")
    @PreAuthorize("hasRole('platform-admin')")
    AgencyView registerCertificate(@PathVariable String code, @RequestBody CertificateRequest r) {
        return view(directory.registerCertificate(code, r.certificatePem()));
    }

    /** Development stack only: a certificate from the platform's development CA, private key included. */
    @PostMapping("/{code}/certificate/development")
    @PreAuthorize("hasRole('platform-admin')")
    IssuedView issueDevelopmentCertificate(@PathVariable String code) {
        var issued = directory.issueDevelopmentCertificate(code);
        return new IssuedView(
                view(issued.agency()), issued.certificatePem(), issued.privateKeyPem(), issued.caCertificatePem());
    }

    private AgencyView view(Agency a) {
        String parentCode = a.parentId() == null
                ? null
                : agencies.byId(a.parentId()).map(Agency::code).orElse(null);
        List<String> children =
                agencies.children(a.id()).stream().map(Agency::code).toList();
        var c = a.certificate();
        return new AgencyView(
                a.id(),
                a.code(),
                a.code2016(),
                a.code2020(),
                a.name(),
                parentCode,
                children,
                a.contact(),
                a.delivery().mode().name(),
                a.delivery().webhookUrl(),
                c == null ? null : certificateView(c));
    }

    private static CertificateView certificateView(Agency.AgencyCertificate c) {
        var x509 = c.x509();
        return new CertificateView(
                c.sha256(),
                c.subject(),
                x509.getIssuerX500Principal().getName(),
                x509.getSerialNumber().toString(16),
                c.notAfter());
    }
}
