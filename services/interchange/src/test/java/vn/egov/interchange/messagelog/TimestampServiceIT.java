package vn.egov.interchange.messagelog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import org.bouncycastle.asn1.cmp.PKIFailureInfo;
import org.bouncycastle.asn1.cmp.PKIStatus;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.tsp.TSPAlgorithms;
import org.bouncycastle.tsp.TimeStampRequest;
import org.bouncycastle.tsp.TimeStampRequestGenerator;
import org.bouncycastle.tsp.TimeStampResponse;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import vn.egov.interchange.pki.Pem;
import vn.egov.interchange.testing.Command;
import vn.egov.interchange.testing.InterchangeIT;
import vn.egov.interchange.testing.Tokens;

/** The platform's time-stamping service over HTTP (RFC 3161 §3.4), as a service or an integrator calls it. */
class TimestampServiceIT extends InterchangeIT {

    static final String QUERY = "application/timestamp-query";
    static final String REPLY = "application/timestamp-reply";

    @Autowired
    MockMvc mvc;

    @TempDir
    Path dir;

    static byte[] sha256(String text) throws Exception {
        return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
    }

    byte[] ask(byte[] query, RequestPostProcessor caller) throws Exception {
        return mvc.perform(post("/api/interchange/timestamps")
                        .with(caller)
                        .contentType(QUERY)
                        .content(query))
                .andExpect(status().isOk())
                .andExpect(content().contentType(REPLY))
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
    }

    X509Certificate publishedCertificate() throws Exception {
        byte[] der = mvc.perform(get("/api/interchange/timestamps/certificate"))
                .andExpect(status().isOk())
                .andExpect(content().contentType("application/pkix-cert"))
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        return Pem.certificateFromDer(der);
    }

    @Test
    void anIntegratorGetsATokenOverItsDigestThatVerifiesWithThePublishedCertificate() throws Exception {
        byte[] digest = sha256("biên bản kiểm tra số 42");
        BigInteger nonce = BigInteger.valueOf(0x5eed_1234_5678L);
        var generator = new TimeStampRequestGenerator();
        generator.setCertReq(true);
        TimeStampRequest request = generator.generate(TSPAlgorithms.SHA256, digest, nonce);
        Instant before = Instant.now().minusSeconds(1);

        var reply = new TimeStampResponse(ask(request.getEncoded(), Tokens.integratorOf(null)));

        assertThat(reply.getStatus()).isEqualTo(PKIStatus.GRANTED);
        reply.validate(request); // imprint, nonce, certReq and the TSA certificate's key usage
        var token = reply.getTimeStampToken();
        assertThat(token.getTimeStampInfo().getNonce()).isEqualTo(nonce);
        assertThat(token.getTimeStampInfo().getMessageImprintDigest()).isEqualTo(digest);
        assertThat(token.getTimeStampInfo().getPolicy()).isEqualTo(LocalTimestampAuthority.POLICY);
        assertThat(token.getTimeStampInfo().getGenTime().toInstant())
                .isBetween(before, Instant.now().plusSeconds(1));
        assertThat(token.getCertificates().getMatches(null)).hasSize(1);
        token.validate(new JcaSimpleSignerInfoVerifierBuilder().build(publishedCertificate()));
    }

    @Test
    void withoutCertReqTheTokenLeavesTheCertificateOut() throws Exception {
        var request = new TimeStampRequestGenerator().generate(TSPAlgorithms.SHA256, sha256("không kèm chứng thư"));

        var reply = new TimeStampResponse(ask(request.getEncoded(), Tokens.admin()));

        reply.validate(request);
        assertThat(reply.getTimeStampToken().getCertificates().getMatches(null)).isEmpty();
        reply.getTimeStampToken().validate(new JcaSimpleSignerInfoVerifierBuilder().build(publishedCertificate()));
    }

    @Test
    void anUnreadableRequestIsRejectedWithBadDataFormat() throws Exception {
        var reply =
                new TimeStampResponse(ask("not a TimeStampReq".getBytes(StandardCharsets.US_ASCII), Tokens.admin()));

        assertThat(reply.getStatus()).isEqualTo(PKIStatus.REJECTION);
        assertThat(reply.getFailInfo().intValue()).isEqualTo(PKIFailureInfo.badDataFormat);
        assertThat(reply.getTimeStampToken()).isNull();
    }

    @Test
    void aWeakDigestIsRejectedWithBadAlg() throws Exception {
        var request = new TimeStampRequestGenerator()
                .generate(TSPAlgorithms.SHA1, MessageDigest.getInstance("SHA-1").digest(new byte[] {1}));

        var reply = new TimeStampResponse(ask(request.getEncoded(), Tokens.admin()));

        assertThat(reply.getStatus()).isEqualTo(PKIStatus.REJECTION);
        assertThat(reply.getFailInfo().intValue()).isEqualTo(PKIFailureInfo.badAlg);
    }

    @Test
    void anOversizeBodyIsRefused() throws Exception {
        mvc.perform(post("/api/interchange/timestamps")
                        .with(Tokens.admin())
                        .contentType(QUERY)
                        .content(new byte[8 * 1024 + 1]))
                .andExpect(status().isContentTooLarge())
                .andExpect(jsonPath("$.code").value("timestamp-query-too-large"));
    }

    @Test
    void onlyServicesIntegratorsAndAdministratorsMayAskButAnyoneGetsTheCertificate() throws Exception {
        byte[] query = new TimeStampRequestGenerator()
                .generate(TSPAlgorithms.SHA256, sha256("ai được hỏi"))
                .getEncoded();
        mvc.perform(post("/api/interchange/timestamps").contentType(QUERY).content(query))
                .andExpect(status().isUnauthorized());
        mvc.perform(post("/api/interchange/timestamps")
                        .with(Tokens.citizen())
                        .contentType(QUERY)
                        .content(query))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/interchange/timestamps")
                        .with(Tokens.outsider())
                        .contentType(QUERY)
                        .content(query))
                .andExpect(status().isForbidden());
        assertThat(publishedCertificate().getNotAfter().toInstant())
                .isAfter(Instant.now().plus(Duration.ofDays(365)));
    }

    @Test
    void opensslMakesTheQueryAndVerifiesTheReply() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/openssl")), "openssl is not installed");
        Path data = Files.writeString(dir.resolve("record.txt"), "hồ sơ cần đóng dấu thời gian\n");
        Path query = dir.resolve("request.tsq");
        Command made = Command.run(
                "/usr/bin/openssl",
                "ts",
                "-query",
                "-data",
                data.toString(),
                "-sha256",
                "-cert",
                "-out",
                query.toString());
        assertThat(made.exit()).as(made.output()).isZero();

        Path reply = Files.write(dir.resolve("reply.tsr"), ask(Files.readAllBytes(query), Tokens.integratorOf(null)));
        byte[] ca = mvc.perform(get("/api/interchange/pki/ca-certificate"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        Path caFile = Files.writeString(dir.resolve("ca.pem"), Pem.certificate(Pem.certificateFromDer(ca)));

        Command verified = Command.run(
                "/usr/bin/openssl",
                "ts",
                "-verify",
                "-data",
                data.toString(),
                "-in",
                reply.toString(),
                "-CAfile",
                caFile.toString());
        assertThat(verified.exit()).as(verified.output()).isZero();
        assertThat(verified.output()).contains("Verification: OK");

        Path other = Files.writeString(dir.resolve("other.txt"), "một hồ sơ khác\n");
        Command refused = Command.run(
                "/usr/bin/openssl",
                "ts",
                "-verify",
                "-data",
                other.toString(),
                "-in",
                reply.toString(),
                "-CAfile",
                caFile.toString());
        assertThat(refused.exit()).isNotZero();
    }
}
