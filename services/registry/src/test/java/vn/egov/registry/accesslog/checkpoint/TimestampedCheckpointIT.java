package vn.egov.registry.accesslog.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.math.BigInteger;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.bouncycastle.tsp.TSPAlgorithms;
import org.bouncycastle.tsp.TimeStampRequest;
import org.bouncycastle.tsp.TimeStampRequestGenerator;
import org.bouncycastle.tsp.TimeStampResponseGenerator;
import org.bouncycastle.tsp.TimeStampToken;
import org.bouncycastle.tsp.TimeStampTokenGenerator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.JwtRequestPostProcessor;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;
import vn.egov.platform.testing.TestKafka;
import vn.egov.registry.events.EventContract;
import vn.egov.registry.testing.RegistryIntegrationTest;
import vn.egov.registry.testing.Tokens;

/**
 * Checkpoints time-stamped by an outside RFC 3161 authority: a BouncyCastle TSA served over HTTP by the JDK's
 * {@link HttpServer}, behind a client-credentials token as the platform's TSA is. The checkpoint carries a token over
 * its hash, stored and published; the auditor's verification reports the TSA's time, and refuses a token for another
 * checkpoint or from another authority; with the TSA down the checkpoint is still taken, signed and stored, flagged as
 * not time-stamped, and the next checkpoint is time-stamped again.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TimestampedCheckpointIT extends RegistryIntegrationTest {

    static final JsonMapper JSON = JsonMapper.shared();
    static final String BEARER = "tsa-test-token";

    /** The TSA's clock, deliberately not the registry's: the verification must report this time. */
    static final Instant TSA_TIME =
            Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(42);

    static final Authority TSA = new Authority("TSA thử nghiệm");
    static final HttpServer SERVER;
    static final Path CERTIFICATE;
    static volatile boolean down;
    static final AtomicInteger tokenRequests = new AtomicInteger();
    static final AtomicInteger unauthorised = new AtomicInteger();

    static {
        try {
            CERTIFICATE = Files.createTempFile("tsa", ".cer");
            Files.write(CERTIFICATE, TSA.certificate.getEncoded());
            SERVER = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            SERVER.createContext("/token", exchange -> {
                tokenRequests.incrementAndGet();
                answer(
                        exchange,
                        200,
                        "application/json",
                        ("{\"access_token\":\"" + BEARER + "\",\"token_type\":\"Bearer\",\"expires_in\":300}")
                                .getBytes(StandardCharsets.UTF_8));
            });
            SERVER.createContext("/timestamps", exchange -> {
                byte[] body = exchange.getRequestBody().readAllBytes();
                if (down) {
                    answer(exchange, 503, "text/plain", new byte[0]);
                } else if (!("Bearer " + BEARER)
                        .equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
                    unauthorised.incrementAndGet();
                    answer(exchange, 401, "text/plain", new byte[0]);
                } else {
                    answer(exchange, 200, "application/timestamp-reply", TSA.respond(body));
                }
            });
            SERVER.start();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        String base = "http://127.0.0.1:" + SERVER.getAddress().getPort();
        registry.add("egov.registry.access-log.checkpoint.topic", () -> "registry.access-log.v1.${egov.test.id}");
        registry.add("egov.registry.access-log.checkpoint.initial-delay", () -> "PT1H");
        registry.add("egov.registry.access-log.checkpoint.tsa-url", () -> base + "/timestamps");
        registry.add("egov.registry.access-log.checkpoint.tsa-token-uri", () -> base + "/token");
        registry.add("egov.registry.access-log.checkpoint.tsa-client-id", () -> "egov-registry");
        registry.add("egov.registry.access-log.checkpoint.tsa-client-secret", () -> "secret");
        registry.add(
                "egov.registry.access-log.checkpoint.tsa-certificate",
                () -> CERTIFICATE.toUri().toString());
        registry.add("egov.registry.access-log.checkpoint.tsa-timeout", () -> "PT2S");
    }

    @AfterAll
    static void stop() {
        SERVER.stop(0);
    }

    static void answer(HttpExchange exchange, int status, String type, byte[] body) throws IOException {
        exchange.getResponseHeaders().add("Content-Type", type);
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            exchange.getResponseBody().write(body);
        }
        exchange.close();
    }

    /** Checkpoints as the tests received them: number 1 time-stamped, number 2 for swapping tokens. */
    static String first;

    static String second;

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    io.micrometer.core.instrument.MeterRegistry meters;

    @Value("${egov.registry.access-log.checkpoint.topic}")
    String topic;

    static JwtRequestPostProcessor admin() {
        return Tokens.token("admin", "egov-web", null, null, "openid", "platform-admin");
    }

    String take() throws Exception {
        return mvc.perform(post("/api/registry/admin/access-log/checkpoints").with(admin()))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
    }

    String verify(String... checkpoints) throws Exception {
        return mvc.perform(post("/api/registry/access-log/verification")
                        .with(Tokens.auditor())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"checkpoints\":[" + String.join(",", checkpoints) + "]}"))
                .andReturn()
                .getResponse()
                .getContentAsString();
    }

    static TimeStampToken token(String checkpoint) throws Exception {
        String base64 = JsonPath.read(checkpoint, "$.timestampToken");
        return new TimeStampToken(new CMSSignedData(Base64.getDecoder().decode(base64)));
    }

    @Test
    @Order(1)
    void aCheckpointCarriesATokenOverItsHashStoredAndPublished() throws Exception {
        String taken = take();

        TimeStampToken token = token(taken);
        String hash = JsonPath.read(taken, "$.hash");
        assertThat(token.getTimeStampInfo().getMessageImprintAlgOID()).isEqualTo(NISTObjectIdentifiers.id_sha256);
        assertThat(HexFormat.of().formatHex(token.getTimeStampInfo().getMessageImprintDigest()))
                .isEqualTo(hash);
        String body = jdbc.queryForObject("select body from access_log_checkpoint where number = 1", String.class);
        assertThat(MessageDigest.getInstance("SHA-256").digest(body.getBytes(StandardCharsets.US_ASCII)))
                .isEqualTo(token.getTimeStampInfo().getMessageImprintDigest());
        assertThat(jdbc.queryForObject(
                        "select timestamp_token from access_log_checkpoint where number = 1", byte[].class))
                .isEqualTo(token.getEncoded());
        assertThat(Instant.parse(JsonPath.read(taken, "$.timestampedAt"))).isEqualTo(TSA_TIME);
        assertThat(tokenRequests.get()).isEqualTo(1); // the client-credentials token was fetched and used
        assertThat(unauthorised.get()).isZero();

        ConsumerRecord<String, byte[]> record = await().atMost(Duration.ofSeconds(30))
                .until(
                        () -> TestKafka.records(topic).stream()
                                .filter(r -> "1".equals(TestKafka.header(r, "ce_subject")))
                                .findFirst(),
                        java.util.Optional::isPresent)
                .orElseThrow();
        first = new String(record.value(), StandardCharsets.UTF_8);
        EventContract.assertValid("vn.egov.registry.access-log.checkpoint.v1", first);
        assertThat(JsonPath.<String>read(first, "$.timestampToken"))
                .isEqualTo(JsonPath.<String>read(taken, "$.timestampToken"));
    }

    @Test
    @Order(2)
    void theVerificationReportsTheTimeTheAuthorityVouchesFor() throws Exception {
        String report = verify(first);

        assertThat(JsonPath.<Boolean>read(report, "$.intact")).as(report).isTrue();
        assertThat(JsonPath.<Integer>read(report, "$.timestamps[0].checkpoint")).isEqualTo(1);
        assertThat(JsonPath.<String>read(report, "$.timestamps[0].status")).isEqualTo("verified");
        assertThat(Instant.parse(JsonPath.read(report, "$.timestamps[0].time"))).isEqualTo(TSA_TIME);
        assertThat(JsonPath.<String>read(report, "$.timestamps[0].authority")).contains("TSA thử nghiệm");
    }

    @Test
    @Order(3)
    void aTokenForAnotherCheckpointOrFromAnotherAuthorityIsRefused() throws Exception {
        second = take();
        ObjectNode swapped = (ObjectNode) JSON.readTree(second);
        swapped.put("timestampToken", JsonPath.<String>read(first, "$.timestampToken"));

        String refused = verify(JSON.writeValueAsString(swapped));

        assertThat(JsonPath.<String>read(refused, "$.code")).as(refused).isEqualTo("checkpoint-signature-invalid");
        assertThat(JsonPath.<String>read(refused, "$.errors[0].field")).isEqualTo("checkpoints[0].timestampToken");
        assertThat(JsonPath.<String>read(refused, "$.errors[0].reason")).contains("không cấp cho điểm kiểm tra số 2");

        // right imprint, but signed by an authority the registry was not configured to trust
        Authority impostor = new Authority("TSA giả mạo");
        byte[] hash = HexFormat.of().parseHex(JsonPath.<String>read(second, "$.hash"));
        swapped.put("timestampToken", Base64.getEncoder().encodeToString(impostor.token(hash)));
        String forged = verify(JSON.writeValueAsString(swapped));
        assertThat(JsonPath.<String>read(forged, "$.code")).as(forged).isEqualTo("checkpoint-signature-invalid");
        assertThat(JsonPath.<String>read(forged, "$.errors[0].reason")).contains("Chữ ký của dấu thời gian");

        assertThat(JsonPath.<Boolean>read(verify(second), "$.intact")).isTrue();
    }

    @Test
    @Order(4)
    void withTheAuthorityDownTheCheckpointIsStillTakenFlaggedAndTheNextOneIsTimeStamped() throws Exception {
        double before = meters.get("egov.registry.access.log.checkpoint.untimestamped")
                .counter()
                .count();
        down = true;
        String untimestamped;
        try {
            untimestamped = take();
        } finally {
            down = false;
        }

        assertThat(JsonPath.<Integer>read(untimestamped, "$.number")).isEqualTo(3);
        assertThat(JsonPath.<String>read(untimestamped, "$.signature")).isNotBlank();
        assertThat(JsonPath.<Object>read(untimestamped, "$.timestampToken")).isNull();
        assertThat(jdbc.queryForObject(
                        "select count(*) from access_log_checkpoint where number = 3 and timestamp_token is null",
                        Long.class))
                .isEqualTo(1);
        assertThat(meters.get("egov.registry.access.log.checkpoint.untimestamped")
                        .counter()
                        .count())
                .isEqualTo(before + 1);
        String report = verify(untimestamped);
        assertThat(JsonPath.<Boolean>read(report, "$.intact")).as(report).isTrue();
        assertThat(JsonPath.<String>read(report, "$.timestamps[0].status")).isEqualTo("not-timestamped");

        // the next checkpoint is time-stamped again and chains to the one without: it bounds when that one existed
        String next = take();
        assertThat(JsonPath.<String>read(next, "$.previousHash"))
                .isEqualTo(JsonPath.<String>read(untimestamped, "$.hash"));
        assertThat(HexFormat.of().formatHex(token(next).getTimeStampInfo().getMessageImprintDigest()))
                .isEqualTo(JsonPath.<String>read(next, "$.hash"));
        assertThat(JsonPath.<List<String>>read(verify(untimestamped, next), "$.timestamps[*].status"))
                .containsExactly("not-timestamped", "verified");
    }

    /** An RFC 3161 authority: an RSA key, a self-signed certificate for time-stamping only, BouncyCastle's TSP. */
    static final class Authority {

        final KeyPair key;
        final X509Certificate certificate;

        Authority(String name) {
            try {
                KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
                generator.initialize(2048);
                key = generator.generateKeyPair();
                X500Name subject = new X500Name("CN=" + name + ",C=VN");
                var builder = new JcaX509v3CertificateBuilder(
                        subject,
                        BigInteger.valueOf(System.nanoTime()),
                        Date.from(Instant.now().minus(Duration.ofDays(1))),
                        Date.from(Instant.now().plus(Duration.ofDays(365))),
                        subject,
                        key.getPublic());
                builder.addExtension(
                        Extension.extendedKeyUsage, true, new ExtendedKeyUsage(KeyPurposeId.id_kp_timeStamping));
                certificate = new JcaX509CertificateConverter()
                        .getCertificate(
                                builder.build(new JcaContentSignerBuilder("SHA256withRSA").build(key.getPrivate())));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }

        TimeStampResponseGenerator generator() throws Exception {
            var digests = new JcaDigestCalculatorProviderBuilder().build();
            var tokens = new TimeStampTokenGenerator(
                    new JcaSignerInfoGeneratorBuilder(digests)
                            .build(new JcaContentSignerBuilder("SHA256withRSA").build(key.getPrivate()), certificate),
                    digests.get(new AlgorithmIdentifier(NISTObjectIdentifiers.id_sha256)),
                    new ASN1ObjectIdentifier("1.3.6.1.4.1.61004.9.9"));
            tokens.addCertificates(new JcaCertStore(List.of(certificate)));
            return new TimeStampResponseGenerator(tokens, Set.of(TSPAlgorithms.SHA256));
        }

        byte[] respond(byte[] request) {
            try {
                return generator()
                        .generate(
                                new TimeStampRequest(request),
                                BigInteger.valueOf(System.nanoTime()),
                                Date.from(TSA_TIME))
                        .getEncoded();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }

        byte[] token(byte[] sha256) throws Exception {
            TimeStampRequest request = new TimeStampRequestGenerator().generate(TSPAlgorithms.SHA256, sha256);
            return generator()
                    .generate(request, BigInteger.ONE, Date.from(TSA_TIME))
                    .getTimeStampToken()
                    .getEncoded();
        }
    }
}
