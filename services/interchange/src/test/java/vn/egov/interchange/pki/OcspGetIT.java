package vn.egov.interchange.pki;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.math.BigInteger;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertPathValidator;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXParameters;
import java.security.cert.PKIXRevocationChecker;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.ocsp.OCSPObjectIdentifiers;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.cert.ocsp.BasicOCSPResp;
import org.bouncycastle.cert.ocsp.CertificateID;
import org.bouncycastle.cert.ocsp.CertificateStatus;
import org.bouncycastle.cert.ocsp.OCSPReq;
import org.bouncycastle.cert.ocsp.OCSPReqBuilder;
import org.bouncycastle.cert.ocsp.OCSPResp;
import org.bouncycastle.cert.ocsp.jcajce.JcaCertificateID;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import vn.egov.interchange.testing.Signer;
import vn.egov.interchange.testing.Tokens;
import vn.egov.platform.testing.EgovIntegrationTest;

/**
 * The development CA's OCSP responder over real HTTP (Tomcat on a port): by GET as RFC 6960 Appendix A.1 defines it —
 * the JDK's own revocation checker asks that way — with {@code /}, {@code +} and {@code =} of the base-64 sent
 * URL-encoded or as they are, without a token; by POST with a body over 64 KB answered 413 without reading it all.
 */
@EgovIntegrationTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.security.oauth2.resourceserver.jwt.issuer-uri=http://localhost:1/realms/egov")
@AutoConfigureMockMvc
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OcspGetIT {

    @LocalServerPort
    int port;

    @Autowired
    MockMvc mvc;

    final HttpClient http = HttpClient.newHttpClient();
    X509Certificate ca;
    Signer good;
    Signer revoked;

    @BeforeAll
    void certificates() throws Exception {
        ca = Pem.certificateFromDer(mvc.perform(get("/api/interchange/pki/ca-certificate"))
                .andReturn()
                .getResponse()
                .getContentAsByteArray());
        good = Signer.issue(mvc, "000.00.00.G22");
        revoked = Signer.issue(mvc, "000.00.00.H57");
        mvc.perform(post("/api/interchange/pki/revocations")
                        .with(Tokens.admin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"serialNumber\":\"%s\",\"reason\":\"keyCompromise\"}"
                                .formatted(
                                        revoked.certificate().getSerialNumber().toString(16))))
                .andExpect(status().isCreated());
    }

    String responder() {
        return "http://localhost:" + port + "/api/interchange/pki/ocsp";
    }

    /** Validates with the JDK's PKIX revocation checker asking the responder itself; null if good. */
    CertPathValidatorException jdkCheck(X509Certificate certificate) throws Exception {
        CertPathValidator validator = CertPathValidator.getInstance("PKIX");
        PKIXRevocationChecker checker = (PKIXRevocationChecker) validator.getRevocationChecker();
        checker.setOptions(EnumSet.of(PKIXRevocationChecker.Option.NO_FALLBACK));
        checker.setOcspResponder(URI.create(responder()));
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

    @Test
    void theJdksOwnCheckerAsksByGetAndGetsGoodAndRevoked() throws Exception {
        // a request for one certificate is about 80 bytes: the JDK sends it by GET (URL of at most 255 characters)
        assertThat(jdkCheck(good.certificate())).isNull();
        CertPathValidatorException refused = jdkCheck(revoked.certificate());
        assertThat(refused).isNotNull();
        assertThat(refused.getReason()).isEqualTo(CertPathValidatorException.BasicReason.REVOKED);
    }

    /** A request whose base-64 holds {@code /} and {@code +} (and ends with {@code =}), found by varying the nonce. */
    byte[] requestWithSlashAndPlus() throws Exception {
        CertificateID id = new JcaCertificateID(
                new JcaDigestCalculatorProviderBuilder().build().get(CertificateID.HASH_SHA1),
                ca,
                good.certificate().getSerialNumber());
        for (int i = 0; ; i++) {
            byte[] request = new OCSPReqBuilder()
                    .addRequest(id)
                    .setRequestExtensions(new Extensions(new Extension(
                            OCSPObjectIdentifiers.id_pkix_ocsp_nonce,
                            false,
                            new DEROctetString(BigInteger.valueOf(i).toByteArray()))))
                    .build()
                    .getEncoded();
            String b64 = Base64.getEncoder().encodeToString(request);
            if (b64.contains("/") && b64.contains("+") && b64.endsWith("=") && !b64.contains("//")) {
                return request;
            }
        }
    }

    HttpResponse<byte[]> getOcsp(String path) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create(responder() + "/" + path))
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    static BasicOCSPResp successful(HttpResponse<byte[]> response) throws Exception {
        assertThat(response.statusCode())
                .as(new String(response.body(), StandardCharsets.ISO_8859_1))
                .isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/ocsp-response");
        OCSPResp ocsp = new OCSPResp(response.body());
        assertThat(ocsp.getStatus()).isEqualTo(OCSPResp.SUCCESSFUL);
        return (BasicOCSPResp) ocsp.getResponseObject();
    }

    @Test
    void aGetRequestIsAnsweredWithTheBase64UrlEncodedOrAsItIs() throws Exception {
        byte[] request = requestWithSlashAndPlus();
        String b64 = Base64.getEncoder().encodeToString(request);
        for (String path : List.of(URLEncoder.encode(b64, StandardCharsets.US_ASCII), b64)) {
            BasicOCSPResp basic = successful(getOcsp(path));
            assertThat(basic.getResponses()).hasSize(1);
            assertThat(basic.getResponses()[0].getCertStatus()).isEqualTo(CertificateStatus.GOOD);
            assertThat(basic.getExtension(OCSPObjectIdentifiers.id_pkix_ocsp_nonce)
                            .getExtnValue())
                    .isEqualTo(new OCSPReq(request)
                            .getExtension(OCSPObjectIdentifiers.id_pkix_ocsp_nonce)
                            .getExtnValue());
        }
    }

    @Test
    void aGetThatIsNotAnOcspRequestGetsMalformedRequest() throws Exception {
        for (String path : List.of(
                Base64.getEncoder().encodeToString("not an OCSP request".getBytes(StandardCharsets.US_ASCII)),
                "not-base64!")) {
            HttpResponse<byte[]> response = getOcsp(path);
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(new OCSPResp(response.body()).getStatus()).isEqualTo(OCSPResp.MALFORMED_REQUEST);
        }
    }

    @Test
    void anEncodedSlashElsewhereIsStillRefused() throws Exception {
        HttpResponse<byte[]> response = http.send(
                HttpRequest.newBuilder(
                                URI.create("http://localhost:" + port + "/api/interchange/agencies/G22%2F..%2Fx"))
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).isEqualTo(400);
    }

    @Test
    void aPostOver64KbIsRefusedWith413AndMalformedRequest() throws Exception {
        HttpResponse<byte[]> response = http.send(
                HttpRequest.newBuilder(URI.create(responder()))
                        .header("Content-Type", "application/ocsp-request")
                        .POST(HttpRequest.BodyPublishers.ofByteArray(new byte[64 * 1024 + 1]))
                        .build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/ocsp-response");
        assertThat(new OCSPResp(response.body()).getStatus()).isEqualTo(OCSPResp.MALFORMED_REQUEST);
        // a chunked body (no length announced) is refused by the platform before anything reads it
        HttpResponse<byte[]> chunked = http.send(
                HttpRequest.newBuilder(URI.create(responder()))
                        .header("Content-Type", "application/ocsp-request")
                        .POST(HttpRequest.BodyPublishers.ofInputStream(
                                () -> new ByteArrayInputStream(new byte[2 * 1024 * 1024])))
                        .build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(chunked.statusCode()).isEqualTo(413);
        // a request of normal size is still answered by POST
        HttpResponse<byte[]> normal = http.send(
                HttpRequest.newBuilder(URI.create(responder()))
                        .header("Content-Type", "application/ocsp-request")
                        .POST(HttpRequest.BodyPublishers.ofByteArray(requestWithSlashAndPlus()))
                        .build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(successful(normal).getResponses()[0].getCertStatus()).isEqualTo(CertificateStatus.GOOD);
    }
}
