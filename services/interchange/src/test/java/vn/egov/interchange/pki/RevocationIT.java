package vn.egov.interchange.pki;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static vn.egov.interchange.testing.SamplePackages.aPackage;

import java.io.ByteArrayInputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CRLReason;
import java.security.cert.CertPathValidator;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXParameters;
import java.security.cert.PKIXRevocationChecker;
import java.security.cert.TrustAnchor;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.ocsp.OCSPObjectIdentifiers;
import org.bouncycastle.asn1.x509.CRLNumber;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.cert.X509CRLHolder;
import org.bouncycastle.cert.ocsp.BasicOCSPResp;
import org.bouncycastle.cert.ocsp.CertificateID;
import org.bouncycastle.cert.ocsp.CertificateStatus;
import org.bouncycastle.cert.ocsp.OCSPReqBuilder;
import org.bouncycastle.cert.ocsp.OCSPResp;
import org.bouncycastle.cert.ocsp.RevokedStatus;
import org.bouncycastle.cert.ocsp.SingleResp;
import org.bouncycastle.cert.ocsp.UnknownStatus;
import org.bouncycastle.cert.ocsp.jcajce.JcaCertificateID;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import tools.jackson.databind.json.JsonMapper;
import vn.egov.interchange.edxml.EdxmlPackage.Organisation;
import vn.egov.interchange.edxml.EdxmlPackage.ResponseFor;
import vn.egov.interchange.edxml.StatusPackage;
import vn.egov.interchange.testing.Command;
import vn.egov.interchange.testing.InterchangeIT;
import vn.egov.interchange.testing.Signer;
import vn.egov.interchange.testing.Tokens;

/**
 * Revocation of development-CA certificates: a platform administrator revokes one, the next package or status
 * package signed with it is refused and logged, a re-issued certificate works; the public CRL and OCSP responder say
 * the same, in forms BouncyCastle, the JDK and OpenSSL read and verify.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RevocationIT extends InterchangeIT {

    static final String VPCP = "000.00.00.G22";
    static final String HUE = "000.00.00.H57";
    static final String MOC = "000.00.00.G17";

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcTemplate jdbc;

    @TempDir
    Path dir;

    X509Certificate ca;

    @BeforeAll
    void caCertificate() throws Exception {
        byte[] der = mvc.perform(get("/api/interchange/pki/ca-certificate"))
                .andExpect(status().isOk())
                .andExpect(content().contentType("application/pkix-cert"))
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        ca = Pem.certificateFromDer(der);
    }

    ResultActions send(byte[] body, RequestPostProcessor token) throws Exception {
        return mvc.perform(post("/api/interchange/packages")
                .with(token)
                .contentType(MediaType.APPLICATION_XML)
                .content(body));
    }

    ResultActions revoke(String serial, String reason, RequestPostProcessor token) throws Exception {
        return mvc.perform(post("/api/interchange/pki/revocations")
                .with(token)
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"serialNumber\":\"%s\",\"reason\":\"%s\"}".formatted(serial, reason)));
    }

    static String serial(Signer signer) {
        return signer.certificate().getSerialNumber().toString(16);
    }

    int count(String sql, Object... args) {
        return jdbc.queryForObject(sql, Integer.class, args);
    }

    @Test
    void afterRevocationTheNextPackageIsRefusedAndAReissuedCertificateWorks() throws Exception {
        Signer vpcp = Signer.issue(mvc, VPCP);
        Signer.issue(mvc, HUE);
        send(vpcp.sign(aPackage().number("1101").to(HUE).build()), Tokens.integratorOf(VPCP))
                .andExpect(status().isAccepted());

        revoke(serial(vpcp), "keyCompromise", Tokens.clerkOf(VPCP)).andExpect(status().isForbidden());
        String json = revoke(serial(vpcp), "keyCompromise", Tokens.admin())
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.serialNumber").value(serial(vpcp)))
                .andExpect(jsonPath("$.reason").value("keyCompromise"))
                .andExpect(jsonPath("$.agencyCode").value(VPCP))
                .andExpect(jsonPath("$.revokedBy").value("admin via egov-web"))
                .andReturn()
                .getResponse()
                .getContentAsString();
        String revokedAt = JsonMapper.shared().readTree(json).get("revokedAt").asString();

        int documents = count("SELECT count(*) FROM document");
        send(vpcp.sign(aPackage().number("1102").to(HUE).build()), Tokens.integratorOf(VPCP))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value("certificate-revoked"))
                .andExpect(jsonPath("$.title").value("Chứng thư số đã bị thu hồi"))
                .andExpect(jsonPath(
                        "$.detail", containsString(Instant.parse(revokedAt).toString())))
                .andExpect(jsonPath("$.detail", containsString("keyCompromise")))
                .andExpect(jsonPath("$.errors[0].field").value("From/OrganId"));
        assertThat(count("SELECT count(*) FROM document")).isEqualTo(documents);
        assertThat(count("SELECT count(*) FROM document WHERE document_id LIKE '%,1102/%'"))
                .isZero();
        assertThat(count(
                        "SELECT count(*) FROM refused_attempt WHERE problem_code = 'certificate-revoked'"
                                + " AND caller_agency = ? AND endpoint = 'POST /api/interchange/packages'",
                        VPCP))
                .isOne();

        // the revoked certificate cannot be registered again either
        String pem = Pem.certificate(vpcp.certificate()).replace("\n", "\\n");
        mvc.perform(put("/api/interchange/agencies/" + VPCP + "/certificate")
                        .with(Tokens.admin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"certificatePem\":\"%s\"}".formatted(pem)))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("certificate-revoked"))
                .andExpect(jsonPath("$.errors[0].field").value("certificatePem"));

        Signer reissued = Signer.issue(mvc, VPCP);
        assertThat(serial(reissued)).isNotEqualTo(serial(vpcp));
        send(reissued.sign(aPackage().number("1102").to(HUE).build()), Tokens.integratorOf(VPCP))
                .andExpect(status().isAccepted())
                .andExpect(jsonPath("$.documentId").value("000.00.00.G22,2026/03/02,1102/VPCP-TTĐT"));

        revoke(serial(vpcp), "superseded", Tokens.admin())
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("certificate-already-revoked"));
        revoke("abcdef0123", "superseded", Tokens.admin())
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.code").value("certificate-not-found"))
                .andExpect(jsonPath("$.errors[0].field").value("serialNumber"));
        revoke("xyz", "because", Tokens.admin())
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", org.hamcrest.Matchers.contains("serialNumber", "reason")));
        mvc.perform(get("/api/interchange/pki/revocations").with(Tokens.auditor()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.serialNumber=='" + serial(vpcp) + "')].reason")
                        .value(org.hamcrest.Matchers.contains("keyCompromise")));
    }

    @Test
    void aStatusPackageSignedWithARevokedCertificateIsRefused() throws Exception {
        Signer vpcp = Signer.issue(mvc, VPCP);
        Signer moc = Signer.issue(mvc, MOC);
        send(vpcp.sign(aPackage().number("1201").to(MOC).build()), Tokens.integratorOf(VPCP))
                .andExpect(status().isAccepted());
        revoke(serial(moc), "cessationOfOperation", Tokens.admin()).andExpect(status().isCreated());

        StatusPackage arrived = new StatusPackage(
                new ResponseFor(
                        VPCP, "1201/VPCP-TTĐT", LocalDate.of(2026, 3, 2), "000.00.00.G22,2026/03/02,1201/VPCP-TTĐT"),
                Organisation.of(MOC, "Bộ Xây dựng"),
                "01",
                "Đã đến",
                LocalDateTime.of(2026, 3, 2, 9, 0, 0),
                null);
        mvc.perform(post("/api/interchange/statuses")
                        .with(Tokens.integratorOf(MOC))
                        .contentType(MediaType.APPLICATION_XML)
                        .content(moc.sign(arrived)))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("certificate-revoked"))
                .andExpect(jsonPath("$.detail", containsString("cessationOfOperation")));
        assertThat(count("SELECT count(*) FROM delivery_event e JOIN delivery d ON d.id = e.delivery_id"
                        + " JOIN document doc ON doc.id = d.document_id"
                        + " WHERE doc.document_id LIKE '%,1201/%' AND e.status_code IS NOT NULL"))
                .isZero();
        assertThat(count("SELECT count(*) FROM refused_attempt WHERE problem_code = 'certificate-revoked'"
                        + " AND endpoint = 'POST /api/interchange/statuses'"))
                .isOne();

        Signer reissued = Signer.issue(mvc, MOC);
        mvc.perform(post("/api/interchange/statuses")
                        .with(Tokens.integratorOf(MOC))
                        .contentType(MediaType.APPLICATION_XML)
                        .content(reissued.sign(arrived)))
                .andExpect(status().isAccepted());
    }

    @Test
    void theCrlIsSignedByTheCaAndListsTheRevokedSerial() throws Exception {
        Signer hue = Signer.issue(mvc, HUE);
        assertThat(OnlineRevocation.crlUris(hue.certificate()))
                .extracting(Object::toString)
                .containsExactly("http://localhost:8080/api/interchange/pki/crl");
        assertThat(OnlineRevocation.ocspUri(hue.certificate()))
                .hasToString("http://localhost:8080/api/interchange/pki/ocsp");
        revoke(serial(hue), "affiliationChanged", Tokens.admin()).andExpect(status().isCreated());

        byte[] der = crl();
        X509CRL crl = (X509CRL) CertificateFactory.getInstance("X.509").generateCRL(new ByteArrayInputStream(der));
        crl.verify(ca.getPublicKey());
        assertThat(crl.getIssuerX500Principal()).isEqualTo(ca.getSubjectX500Principal());
        assertThat(crl.isRevoked(hue.certificate())).isTrue();
        assertThat(crl.getRevokedCertificate(hue.certificate()).getRevocationReason())
                .isEqualTo(CRLReason.AFFILIATION_CHANGED);
        assertThat(crl.getNextUpdate()).isAfter(crl.getThisUpdate());

        X509CRLHolder holder = new X509CRLHolder(der);
        assertThat(holder.isSignatureValid(new JcaContentVerifierProviderBuilder().build(ca)))
                .isTrue();
        assertThat(holder.getRevokedCertificate(hue.certificate().getSerialNumber()))
                .isNotNull();
        assertThat(holder.getExtension(Extension.cRLNumber)).isNotNull();
    }

    @Autowired
    DevelopmentCaStore caStore;

    @Autowired
    Revocations revocations;

    @Autowired
    PkiProperties pkiProperties;

    @Autowired
    Clock clock;

    static BigInteger crlNumber(byte[] der) throws Exception {
        return CRLNumber.getInstance(
                        new X509CRLHolder(der).getExtension(Extension.cRLNumber).getParsedValue())
                .getCRLNumber();
    }

    @Test
    void crlNumbersIncreaseWhicheverReplicaMakesTheCrl() throws Exception {
        // two replicas of the service, the second one's clock ten minutes behind
        var replica = new DevelopmentCaRevocation(caStore, revocations, pkiProperties, clock, jdbc);
        var behind = new DevelopmentCaRevocation(
                caStore, revocations, pkiProperties, Clock.offset(clock, Duration.ofMinutes(-10)), jdbc);
        BigInteger first = crlNumber(replica.crl());
        BigInteger second = crlNumber(behind.crl());
        assertThat(second).isGreaterThan(first);
        // after a revocation the service's own CRL is made again, with a larger number still
        Signer moc = Signer.issue(mvc, MOC);
        revoke(serial(moc), "superseded", Tokens.admin()).andExpect(status().isCreated());
        BigInteger third = crlNumber(crl());
        assertThat(third).isGreaterThan(second);
        // above the clock-based numbers CRLs had before (milliseconds since 1970)
        assertThat(first).isGreaterThan(BigInteger.valueOf(clock.millis()));
    }

    byte[] crl() throws Exception {
        return mvc.perform(get("/api/interchange/pki/crl")) // no token: a public path
                .andExpect(status().isOk())
                .andExpect(content().contentType("application/pkix-crl"))
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
    }

    byte[] ocsp(byte[] request) throws Exception {
        return mvc.perform(
                        post("/api/interchange/pki/ocsp") // no token: a public path
                                .contentType("application/ocsp-request")
                                .content(request))
                .andExpect(status().isOk())
                .andExpect(content().contentType("application/ocsp-response"))
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
    }

    CertificateID id(BigInteger serial) throws Exception {
        return new JcaCertificateID(
                new JcaDigestCalculatorProviderBuilder().build().get(CertificateID.HASH_SHA1), ca, serial);
    }

    @Test
    void theOcspResponderAnswersGoodRevokedAndUnknown() throws Exception {
        Signer good = Signer.issue(mvc, VPCP);
        Signer revoked = Signer.issue(mvc, "000.00.00.H41");
        revoke(serial(revoked), "privilegeWithdrawn", Tokens.admin()).andExpect(status().isCreated());
        Instant revokedAt = Instant.parse(JsonMapper.shared()
                .readTree(mvc.perform(get("/api/interchange/pki/revocations").with(Tokens.admin()))
                        .andReturn()
                        .getResponse()
                        .getContentAsString())
                .valueStream()
                .filter(n -> n.get("serialNumber").asString().equals(serial(revoked)))
                .map(n -> n.get("revokedAt").asString())
                .findFirst()
                .orElseThrow());

        DEROctetString nonce = new DEROctetString(new byte[] {4, 8, 15, 16, 23, 42});
        byte[] request = new OCSPReqBuilder()
                .addRequest(id(good.certificate().getSerialNumber()))
                .addRequest(id(revoked.certificate().getSerialNumber()))
                .addRequest(id(BigInteger.valueOf(424242)))
                .setRequestExtensions(
                        new Extensions(new Extension(OCSPObjectIdentifiers.id_pkix_ocsp_nonce, false, nonce)))
                .build()
                .getEncoded();
        OCSPResp response = new OCSPResp(ocsp(request));
        assertThat(response.getStatus()).isEqualTo(OCSPResp.SUCCESSFUL);
        BasicOCSPResp basic = (BasicOCSPResp) response.getResponseObject();
        assertThat(basic.isSignatureValid(new JcaContentVerifierProviderBuilder().build(ca.getPublicKey())))
                .isTrue();
        assertThat(basic.getExtension(OCSPObjectIdentifiers.id_pkix_ocsp_nonce).getExtnValue())
                .isEqualTo(nonce);
        SingleResp[] answers = basic.getResponses();
        assertThat(answers).hasSize(3);
        assertThat(answers[0].getCertStatus()).isEqualTo(CertificateStatus.GOOD);
        assertThat(answers[1].getCertStatus()).isInstanceOf(RevokedStatus.class);
        RevokedStatus status = (RevokedStatus) answers[1].getCertStatus();
        assertThat(status.getRevocationTime().toInstant()).isEqualTo(revokedAt);
        assertThat(status.getRevocationReason()).isEqualTo(9);
        assertThat(answers[2].getCertStatus()).isInstanceOf(UnknownStatus.class);

        // the JDK's PKIX revocation checker accepts the responder's answers: good passes, revoked fails
        assertThat(jdkCheck(good.certificate())).isNull();
        CertPathValidatorException refused = jdkCheck(revoked.certificate());
        assertThat(refused).isNotNull();
        assertThat(refused.getReason()).isEqualTo(CertPathValidatorException.BasicReason.REVOKED);

        OCSPResp malformed = new OCSPResp(ocsp("not an OCSP request".getBytes(StandardCharsets.US_ASCII)));
        assertThat(malformed.getStatus()).isEqualTo(OCSPResp.MALFORMED_REQUEST);
    }

    /** Validates the certificate with the JDK's PKIX and an OCSP answer fetched from the responder; null if good. */
    CertPathValidatorException jdkCheck(X509Certificate certificate) throws Exception {
        byte[] answer = ocsp(new OCSPReqBuilder()
                .addRequest(id(certificate.getSerialNumber()))
                .build()
                .getEncoded());
        CertPathValidator validator = CertPathValidator.getInstance("PKIX");
        PKIXRevocationChecker checker = (PKIXRevocationChecker) validator.getRevocationChecker();
        checker.setOptions(EnumSet.of(PKIXRevocationChecker.Option.NO_FALLBACK));
        checker.setOcspResponses(Map.of(certificate, answer));
        PKIXParameters parameters = new PKIXParameters(Set.of(new TrustAnchor(ca, null)));
        parameters.addCertPathChecker(checker);
        try {
            validator.validate(
                    CertificateFactory.getInstance("X.509").generateCertPath(List.of(certificate)), parameters);
            return null;
        } catch (CertPathValidatorException e) {
            return e;
        }
    }

    static boolean opensslInstalled() {
        return Files.isExecutable(Path.of("/usr/bin/openssl"));
    }

    @Test
    @EnabledIf("opensslInstalled")
    void opensslVerifiesTheCrlAndReadsTheOcspAnswers() throws Exception {
        Signer good = Signer.issue(mvc, "000.00.18.G12");
        Signer revoked = Signer.issue(mvc, "000.00.00.G12");
        revoke(serial(revoked), "keyCompromise", Tokens.admin()).andExpect(status().isCreated());
        Path caPem = Files.writeString(dir.resolve("ca.pem"), Pem.certificate(ca));
        Path goodPem = Files.writeString(dir.resolve("good.pem"), Pem.certificate(good.certificate()));
        Path revokedPem = Files.writeString(dir.resolve("revoked.pem"), Pem.certificate(revoked.certificate()));

        Path crl = Files.write(dir.resolve("crl.der"), crl());
        Command crlCheck = Command.run(
                "openssl",
                "crl",
                "-inform",
                "DER",
                "-in",
                crl.toString(),
                "-CAfile",
                caPem.toString(),
                "-noout",
                "-text");
        assertThat(crlCheck.exit()).as(crlCheck.output()).isZero();
        assertThat(crlCheck.output())
                .contains("verify OK")
                .containsIgnoringCase(
                        "Serial Number: " + (serial(revoked).length() % 2 == 0 ? "" : "0") + serial(revoked))
                .contains("Key Compromise");

        for (Path cert : List.of(goodPem, revokedPem)) {
            Path request = dir.resolve(cert.getFileName() + ".req");
            Command made = Command.run(
                    "openssl",
                    "ocsp",
                    "-issuer",
                    caPem.toString(),
                    "-cert",
                    cert.toString(),
                    "-no_nonce",
                    "-reqout",
                    request.toString());
            assertThat(made.exit()).as(made.output()).isZero();
            Path response = Files.write(dir.resolve(cert.getFileName() + ".resp"), ocsp(Files.readAllBytes(request)));
            Command read = Command.run(
                    "openssl",
                    "ocsp",
                    "-respin",
                    response.toString(),
                    "-issuer",
                    caPem.toString(),
                    "-cert",
                    cert.toString(),
                    "-no_nonce",
                    "-CAfile",
                    caPem.toString());
            assertThat(read.exit()).as(read.output()).isZero();
            assertThat(read.output()).contains("Response verify OK");
            assertThat(read.output()).contains(cert.equals(goodPem) ? cert + ": good" : cert + ": revoked");
        }
    }
}
