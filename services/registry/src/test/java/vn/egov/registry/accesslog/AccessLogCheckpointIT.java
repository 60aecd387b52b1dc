package vn.egov.registry.accesslog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.PublicKeySign;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.jayway.jsonpath.JsonPath;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.JwtRequestPostProcessor;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;
import vn.egov.platform.security.Caller;
import vn.egov.platform.testing.TestKafka;
import vn.egov.registry.accesslog.checkpoint.CheckpointJob;
import vn.egov.registry.accesslog.checkpoint.CheckpointKeyTool;
import vn.egov.registry.accesslog.checkpoint.Checkpoints;
import vn.egov.registry.events.EventContract;
import vn.egov.registry.testing.RegistryIntegrationTest;
import vn.egov.registry.testing.Tokens;

/**
 * Signed checkpoints of the access log, end to end on real PostgreSQL and Kafka: a checkpoint is signed, stored,
 * published on Kafka (valid against its schema) and written to the configured directory; an outsider verifies it
 * with the published key and the JDK alone; the auditor's anchored verification passes on an untouched log, refuses
 * forged checkpoints, and — unlike the plain verification — catches a chain rewritten consistently by a superuser;
 * the job runs once across two concurrent triggers.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AccessLogCheckpointIT extends RegistryIntegrationTest {

    static final Path DIRECTORY;

    static {
        try {
            DIRECTORY = Files.createTempDirectory("access-log-checkpoints");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("egov.registry.access-log.checkpoint.topic", () -> "registry.access-log.v1.${egov.test.id}");
        registry.add("egov.registry.access-log.checkpoint.initial-delay", () -> "PT1H");
        registry.add("egov.registry.access-log.checkpoint.directory", DIRECTORY::toString);
    }

    /** A subject whose entries go to chain {@link #CHAIN}; the rewrite targets this chain. */
    static final String SUBJECT = "001099012345";

    static final int CHAIN = AccessLog.chainOf(SUBJECT);

    static final Caller OFFICER = new Caller(
            "sub-officer", "officer.hue", "egov-web", null, "000.00.00.H57", Set.of("officer"), Set.of("openid"));

    static final JsonMapper JSON = JsonMapper.shared();

    /** The first checkpoint as an outsider received it from Kafka: the anchor of the later tests. */
    static String anchor;

    @Autowired
    MockMvc mvc;

    @Autowired
    AccessLog accessLog;

    @Autowired
    TransactionTemplate tx;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    CheckpointJob job;

    @Autowired
    Checkpoints checkpoints;

    @Autowired
    io.micrometer.core.instrument.MeterRegistry meters;

    @org.springframework.beans.factory.annotation.Value("${egov.registry.access-log.checkpoint.topic}")
    String topic;

    static JwtRequestPostProcessor admin() {
        return Tokens.token("admin", "egov-web", null, null, "openid", "platform-admin");
    }

    void read(String subject, String reference, AccessOutcome outcome) {
        tx.executeWithoutResult(s -> accessLog.append(
                OFFICER,
                subject,
                AccessAction.RECORD,
                "civil-registration",
                List.of("fullName"),
                reference,
                outcome,
                null));
    }

    String verifyWithAnchors(String... checkpointJson) throws Exception {
        return mvc.perform(post("/api/registry/access-log/verification")
                        .with(Tokens.auditor())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"checkpoints\":[" + String.join(",", checkpointJson) + "]}"))
                .andReturn()
                .getResponse()
                .getContentAsString();
    }

    @Test
    @Order(1)
    void aCheckpointIsSignedStoredPublishedOnKafkaAndCheckableWithThePublishedKeyAlone() throws Exception {
        read(SUBJECT, "H57-261129-0001", AccessOutcome.GRANTED);
        read(SUBJECT, "H57-261129-0002", AccessOutcome.GRANTED);
        read(SUBJECT, "H57-261129-0003", AccessOutcome.DENIED);
        read("079199000001", "H57-261129-0004", AccessOutcome.GRANTED);
        int otherChain = AccessLog.chainOf("079199000001");

        mvc.perform(post("/api/registry/admin/access-log/checkpoints").with(Tokens.auditor()))
                .andExpect(status().isForbidden());
        assertThat(checkpointAge()).isNaN();
        String taken = mvc.perform(
                        post("/api/registry/admin/access-log/checkpoints").with(admin()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.number").value(1))
                .andExpect(jsonPath("$.previousHash").value("0".repeat(64)))
                .andExpect(jsonPath("$.heads.length()").value(CHAIN == otherChain ? 1 : 2))
                .andReturn()
                .getResponse()
                .getContentAsString();
        List<Map<String, Object>> heads = JsonPath.read(taken, "$.heads");
        assertThat(heads)
                .anySatisfy(h -> assertThat(h).containsEntry("chain", CHAIN).containsEntry("seq", 3));
        assertThat(jdbc.queryForObject("select count(*) from access_log_checkpoint", Long.class))
                .isEqualTo(1);
        assertThat(checkpointAge()).isBetween(0.0, 60.0); // what operations alert on when the job stops

        // on Kafka, as any consumer (an auditor, the reporting system, another organisation) receives it
        ConsumerRecord<String, byte[]> record = await().atMost(Duration.ofSeconds(30))
                .until(
                        () -> TestKafka.records(topic).stream()
                                .filter(r -> "1".equals(TestKafka.header(r, "ce_subject")))
                                .findFirst(),
                        java.util.Optional::isPresent)
                .orElseThrow();
        assertThat(TestKafka.header(record, "ce_type")).isEqualTo("vn.egov.registry.access-log.checkpoint.v1");
        assertThat(TestKafka.header(record, "ce_source")).isEqualTo("registry");
        assertThat(record.key()).isEqualTo("access-log");
        anchor = new String(record.value(), StandardCharsets.UTF_8);
        EventContract.assertValid("vn.egov.registry.access-log.checkpoint.v1", anchor);
        assertThat(JsonPath.<String>read(anchor, "$.signature")).isEqualTo(JsonPath.<String>read(taken, "$.signature"));

        // the public key needs no token; the signature checks with the JDK alone, over the documented text
        String published = mvc.perform(get("/api/registry/access-log/checkpoint-key"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.algorithm").value("Ed25519"))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(outsiderVerifies(anchor, published)).isTrue();
        ObjectNode altered = (ObjectNode) JSON.readTree(anchor);
        ((ObjectNode) altered.get("heads").get(0)).put("seq", 99);
        assertThat(outsiderVerifies(JSON.writeValueAsString(altered), published))
                .isFalse();
        assertThat(JsonPath.<String>read(anchor, "$.hash"))
                .isEqualTo(HexFormat.of().formatHex(sha256(documentedCanonical(JSON.readTree(anchor)))));

        // and the same checkpoint as a file in the configured directory
        Path file = DIRECTORY.resolve("access-log-checkpoint-0000000001.json");
        await().atMost(Duration.ofSeconds(5)).until(() -> Files.exists(file));
        assertThat(JSON.readTree(Files.readString(file))).isEqualTo(JSON.readTree(anchor));

        // checkpoints chain: the next one links to this one's hash
        mvc.perform(post("/api/registry/admin/access-log/checkpoints").with(admin()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.number").value(2))
                .andExpect(jsonPath("$.previousHash").value(JsonPath.<String>read(anchor, "$.hash")));
    }

    @Test
    @Order(2)
    void anUntouchedLogAgreesWithItsAnchors() throws Exception {
        read(SUBJECT, "H57-261129-0005", AccessOutcome.GRANTED); // entries after the anchor are fine
        String report = verifyWithAnchors(anchor);
        assertThat(JsonPath.<Boolean>read(report, "$.intact")).as(report).isTrue();
        assertThat(JsonPath.<Integer>read(report, "$.anchorsChecked"))
                .isEqualTo(JsonPath.<List<?>>read(anchor, "$.heads").size());
        mvc.perform(post("/api/registry/access-log/verification")
                        .with(Tokens.officer())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"checkpoints\":[" + anchor + "]}"))
                .andExpect(status().isForbidden());
    }

    @Test
    @Order(3)
    void forgedOrMalformedCheckpointsAreRefusedNamingTheField() throws Exception {
        // a head moved back, as someone hiding entries would need: the signature no longer matches
        ObjectNode moved = (ObjectNode) JSON.readTree(anchor);
        for (JsonNode head : moved.get("heads")) {
            if (head.get("chain").asInt() == CHAIN) {
                ((ObjectNode) head).put("seq", head.get("seq").asLong() - 1);
            }
        }
        mvc.perform(post("/api/registry/access-log/verification")
                        .with(Tokens.auditor())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"checkpoints\":[" + anchor + "," + JSON.writeValueAsString(moved) + "]}"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("checkpoint-signature-invalid"))
                .andExpect(jsonPath("$.errors.length()").value(1))
                .andExpect(jsonPath("$.errors[0].field").value("checkpoints[1].signature"));

        // signed, but by a key that is not the registry's (same key id claimed, then its own id)
        String otherKeyset = CheckpointKeyTool.generate();
        KeysetHandle other = TinkJsonProtoKeysetFormat.parseKeyset(otherKeyset, InsecureSecretKeyAccess.get());
        PublicKeySign forger = other.getPrimitive(RegistryConfiguration.get(), PublicKeySign.class);
        ObjectNode forged = (ObjectNode) JSON.readTree(anchor);
        forged.put("signature", Base64.getEncoder().encodeToString(forger.sign(documentedCanonical(forged))));
        mvc.perform(post("/api/registry/access-log/verification")
                        .with(Tokens.auditor())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"checkpoints\":[" + JSON.writeValueAsString(forged) + "]}"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("checkpoints[0].signature"));
        forged.put("keyId", Integer.toUnsignedLong(other.getPrimary().getId()));
        mvc.perform(post("/api/registry/access-log/verification")
                        .with(Tokens.auditor())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"checkpoints\":[" + JSON.writeValueAsString(forged) + "]}"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("checkpoints[0].keyId"));

        ObjectNode malformed = (ObjectNode) JSON.readTree(anchor);
        ((ObjectNode) malformed.get("heads").get(0)).put("hash", "not-a-hash");
        mvc.perform(post("/api/registry/access-log/verification")
                        .with(Tokens.auditor())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"checkpoints\":[" + JSON.writeValueAsString(malformed) + "]}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("invalid"))
                .andExpect(jsonPath("$.errors[0].field").value("checkpoints[0].heads[0].hash"));
        mvc.perform(post("/api/registry/access-log/verification")
                        .with(Tokens.auditor())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"checkpoints\":[]}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("checkpoints"));
    }

    @Test
    @Order(4)
    void aConsistentRewriteOfAChainPassesPlainVerificationButNotTheAnchor() throws Exception {
        // a superuser hides who read entry 2 of the chain: triggers off, the whole chain re-appended through the
        // same database function, every hash and the head recomputed — a consistent forgery
        List<AccessEntry> original = jdbc.query(
                "select * from access_log where chain = ? order by seq", (rs, n) -> AccessEntry.from(rs), CHAIN);
        assertThat(original).hasSizeGreaterThanOrEqualTo(4);
        tx.executeWithoutResult(s -> {
            jdbc.execute("set local session_replication_role = replica");
            jdbc.update("delete from access_log where chain = ?", CHAIN);
            jdbc.update(
                    "update access_log_chain set seq = 0, hash = decode(repeat('00', 32), 'hex') where chain = ?",
                    CHAIN);
            for (AccessEntry e : original) {
                AccessEntry rewritten = e.seq() == 2
                        ? new AccessEntry(
                                e.id(),
                                e.chain(),
                                e.seq(),
                                e.occurredAt(),
                                "demo-integrator",
                                null,
                                null,
                                null,
                                e.subjectPid(),
                                e.action(),
                                e.purposeCode(),
                                e.fields(),
                                e.reference(),
                                e.outcome(),
                                e.reason())
                        : e;
                jdbc.queryForObject(
                        "select access_log_append(?::smallint, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                        Long.class,
                        CHAIN,
                        java.time.OffsetDateTime.ofInstant(rewritten.occurredAt(), java.time.ZoneOffset.UTC),
                        rewritten.clientId(),
                        rewritten.username(),
                        rewritten.agencyCode(),
                        rewritten.callerPid(),
                        rewritten.subjectPid(),
                        rewritten.action().name(),
                        rewritten.purposeCode(),
                        rewritten.fields(),
                        rewritten.reference(),
                        rewritten.outcome().name(),
                        rewritten.reason(),
                        AccessLog.canonical(rewritten));
            }
        });
        assertThat(jdbc.queryForObject(
                        "select username from access_log where chain = ? and seq = 2", String.class, CHAIN))
                .isNull();

        // the chains alone cannot tell
        mvc.perform(get("/api/registry/access-log/verification").with(Tokens.auditor()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.intact").value(true));

        // the anchor kept outside can: chain, the anchored entry, and which checkpoint disagrees
        List<Map<String, Object>> anchoredHeads = JsonPath.read(anchor, "$.heads");
        int anchoredSeq = anchoredHeads.stream()
                .filter(h -> ((Integer) h.get("chain")) == CHAIN)
                .map(h -> (Integer) h.get("seq"))
                .findFirst()
                .orElseThrow();
        String report = verifyWithAnchors(anchor);
        assertThat(JsonPath.<Boolean>read(report, "$.intact")).as(report).isFalse();
        assertThat(JsonPath.<String>read(report, "$.problem")).isEqualTo("anchor-mismatch");
        assertThat(JsonPath.<Integer>read(report, "$.chain")).isEqualTo(CHAIN);
        assertThat(JsonPath.<Integer>read(report, "$.firstBrokenSeq")).isEqualTo(anchoredSeq);
        assertThat(JsonPath.<Integer>read(report, "$.checkpoint")).isEqualTo(1);
        assertThat(JsonPath.<String>read(report, "$.detail")).contains("điểm kiểm tra số 1");

        // a checkpoint signed after the rewrite vouches for the rewritten chain: only the older anchor catches it
        String after = mvc.perform(
                        post("/api/registry/admin/access-log/checkpoints").with(admin()))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(JsonPath.<Boolean>read(verifyWithAnchors(after), "$.intact")).isTrue();
        assertThat(JsonPath.<String>read(verifyWithAnchors(after, anchor), "$.problem"))
                .isEqualTo("anchor-mismatch");
    }

    @Test
    @Order(5)
    void aChainCutBackAndReChainedIsCaughtByTheAnchor() throws Exception {
        // the superuser deletes the last entries of the other chain and moves its head back consistently
        int chain = AccessLog.chainOf("079199000001");
        read("079199000001", "H57-261129-0006", AccessOutcome.GRANTED);
        String before = mvc.perform(
                        post("/api/registry/admin/access-log/checkpoints").with(admin()))
                .andReturn()
                .getResponse()
                .getContentAsString();
        tx.executeWithoutResult(s -> {
            jdbc.execute("set local session_replication_role = replica");
            jdbc.update("delete from access_log where chain = ? and seq = 2", chain);
            jdbc.update(
                    "update access_log_chain c set seq = 1, hash = l.hash from access_log l"
                            + " where c.chain = ? and l.chain = c.chain and l.seq = 1",
                    chain);
        });
        mvc.perform(get("/api/registry/access-log/verification").with(Tokens.auditor()))
                .andExpect(jsonPath("$.intact").value(true));
        String report = verifyWithAnchors(before);
        assertThat(JsonPath.<String>read(report, "$.problem")).as(report).isEqualTo("anchor-mismatch");
        assertThat(JsonPath.<Integer>read(report, "$.chain")).isEqualTo(chain);
        assertThat(JsonPath.<Integer>read(report, "$.firstBrokenSeq")).isEqualTo(2);
        assertThat(JsonPath.<String>read(report, "$.detail")).contains("chỉ còn 1 bản ghi");
    }

    @Test
    @Order(6)
    void theJobRunsOnceAcrossTwoConcurrentTriggers_whileTakesAreSerialisedAndLinked() throws Exception {
        long before = checkpoints.count();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<?>> runs = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                runs.add(pool.submit(() -> {
                    start.await();
                    job.run(); // through the ShedLock proxy, as the scheduler of each replica calls it
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> run : runs) {
                run.get();
            }
            assertThat(checkpoints.count()).isEqualTo(before + 1);

            // two takes at once (the admin endpoint, say, during the job) give two consecutive, linked checkpoints
            CountDownLatch again = new CountDownLatch(1);
            List<Future<vn.egov.registry.accesslog.checkpoint.Checkpoint>> takes = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                takes.add(pool.submit(() -> {
                    again.await();
                    return checkpoints.take();
                }));
            }
            again.countDown();
            var first = takes.get(0).get();
            var second = takes.get(1).get();
            var earlier = first.number() < second.number() ? first : second;
            var later = earlier == first ? second : first;
            assertThat(later.number()).isEqualTo(earlier.number() + 1);
            assertThat(later.previousHash()).isEqualTo(earlier.hash());
            assertThat(checkpoints.count()).isEqualTo(before + 3);
        } finally {
            pool.shutdown();
        }
    }

    double checkpointAge() {
        return meters.get("egov.registry.access.log.checkpoint.age").gauge().value();
    }

    /** What an outsider does with only the JDK: rebuild the documented text, verify with the published key. */
    static boolean outsiderVerifies(String checkpointJson, String publishedKeys) throws Exception {
        JsonNode checkpoint = JSON.readTree(checkpointJson);
        long keyId = checkpoint.get("keyId").asLong();
        String spki = null;
        for (JsonNode key : JSON.readTree(publishedKeys).get("keys")) {
            if (key.get("keyId").asLong() == keyId) {
                spki = key.get("publicKey").asString();
            }
        }
        assertThat(spki).as("published key %s", keyId).isNotNull();
        Signature verifier = Signature.getInstance("Ed25519");
        verifier.initVerify(KeyFactory.getInstance("Ed25519")
                .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(spki))));
        verifier.update(documentedCanonical(checkpoint));
        return verifier.verify(
                Base64.getDecoder().decode(checkpoint.get("signature").asString()));
    }

    /** The canonical text as the event schema documents it, built here independently of the service's code. */
    static byte[] documentedCanonical(JsonNode c) {
        StringBuilder text = new StringBuilder("vn.egov.registry.access-log.checkpoint.v1\n");
        text.append("number ").append(c.get("number").asLong()).append('\n');
        text.append("created-at ").append(c.get("createdAt").asString()).append('\n');
        text.append("previous ").append(c.get("previousHash").asString()).append('\n');
        List<JsonNode> heads = new ArrayList<>();
        c.get("heads").forEach(heads::add);
        heads.sort(java.util.Comparator.comparingInt(h -> h.get("chain").asInt()));
        for (JsonNode h : heads) {
            text.append("head ")
                    .append(h.get("chain").asInt())
                    .append(' ')
                    .append(h.get("seq").asLong())
                    .append(' ')
                    .append(h.get("hash").asString())
                    .append('\n');
        }
        return text.toString().getBytes(StandardCharsets.US_ASCII);
    }

    static byte[] sha256(byte[] data) throws Exception {
        return MessageDigest.getInstance("SHA-256").digest(data);
    }
}
