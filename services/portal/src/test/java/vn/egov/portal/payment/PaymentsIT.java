package vn.egov.portal.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.json.JsonMapper;
import vn.egov.platform.events.EventSchemas;
import vn.egov.platform.testing.TestTokens;
import vn.egov.portal.dossier.DossierEvents;
import vn.egov.portal.dossier.DossierStatus;
import vn.egov.portal.dossier.Dossiers;
import vn.egov.portal.testing.PortalIntegrationTest;

/**
 * Paying a dossier's fees through the sandbox payment platform: the signed redirect, the signed callback (bad,
 * replayed, wrong amount, contradicting), the receipt, the dossier back in process, the events on Kafka.
 */
@org.springframework.test.context.TestPropertySource(properties = "egov.portal.payment.jobs.enabled=false")
class PaymentsIT extends PortalIntegrationTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PayGovProtocol protocol;

    @Autowired
    Dossiers dossiers;

    @Autowired
    JsonMapper json;

    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrap;

    final EventSchemas schemas = new EventSchemas();

    @BeforeEach
    void procedures() {
        PaymentFixtures.procedure(jdbc);
    }

    @Test
    void theOwnerPaysTheFeesAtTheSandboxGetsAReceiptAndTheDossierGoesBackInProcess() throws Exception {
        UUID dossier = PaymentFixtures.dossier(jdbc, DossierStatus.PAYMENT_REQUESTED.code());

        String created = PaymentTesting.start(mvc, dossier, "pay-1");
        assertThat((Integer) JsonPath.read(created, "$.amount")).isEqualTo(70000);
        assertThat((String) JsonPath.read(created, "$.status")).isEqualTo("PENDING");
        String redirect = PaymentTesting.redirect(created);
        Map<String, String> request = PaymentTesting.params(redirect);
        assertThat(redirect).startsWith("/sandbox/paygov/pay?");
        assertThat(request)
                .containsEntry("command", "PAY")
                .containsEntry("amount", "70000")
                .containsEntry("currency_code", "VND")
                .containsEntry("merchant_code", "DVC-PORTAL")
                .containsEntry("fee_codes", "LP-GPXD,P-TD")
                .containsEntry("order_id", PaymentTesting.paymentId(created));
        assertThat(protocol.verify(request)).isTrue();
        assertThat(request.get("check_sum"))
                .isEqualTo(new PayGovProtocol("sandbox-shared-secret-not-for-production").checksum(request));

        // the same Idempotency-Key gives the same transaction, with the same signed URL
        mvc.perform(post("/api/portal/payments")
                        .with(TestTokens.citizen(PaymentFixtures.OWNER))
                        .header("Idempotency-Key", "pay-1")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"dossierId\":\"" + dossier + "\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.id").value(PaymentTesting.paymentId(created)))
                .andExpect(jsonPath("$.redirectUrl").value(redirect));

        String sandbox = PaymentTesting.payAtSandbox(mvc, redirect, "PAID");
        assertThat((Boolean) JsonPath.read(sandbox, "$.delivered")).isTrue();
        assertThat((String) JsonPath.read(sandbox, "$.returnUrl")).startsWith("/thanh-toan/ket-qua?");

        String id = PaymentTesting.paymentId(created);
        mvc.perform(get("/api/portal/payments/{id}", id).with(TestTokens.citizen(PaymentFixtures.OWNER)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("PAID"))
                .andExpect(jsonPath("$.receiptNumber").value(org.hamcrest.Matchers.matchesPattern("BL\\d{4}-\\d{8}")))
                .andExpect(jsonPath("$.redirectUrl").doesNotExist());
        mvc.perform(get("/api/portal/payments/{id}/receipt", id).with(TestTokens.citizen(PaymentFixtures.OWNER)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.title").value("Biên lai thu phí, lệ phí"))
                .andExpect(jsonPath("$.payerName").value("Nguyễn Văn An"))
                .andExpect(jsonPath("$.procedureName").value("Cấp giấy phép xây dựng nhà ở riêng lẻ"))
                .andExpect(jsonPath("$.agencyName").value("UBND thành phố Huế"))
                .andExpect(jsonPath("$.amount").value(70000))
                .andExpect(jsonPath("$.currency").value("VND"))
                .andExpect(jsonPath("$.feeItems.length()").value(2))
                .andExpect(jsonPath("$.feeItems[0].name").value("Lệ phí cấp giấy phép xây dựng"))
                .andExpect(jsonPath("$.feeItems[1].amount").value(20000))
                .andExpect(jsonPath("$.paidAt").isNotEmpty())
                .andExpect(jsonPath("$.providerTransactionId").value(org.hamcrest.Matchers.startsWith("SBX")));
        // the competent agency's officer sees it too; another agency's does not
        mvc.perform(get("/api/portal/payments/{id}/receipt", id)
                        .with(TestTokens.staff("officer.hue", PaymentFixtures.AGENCY, "officer")))
                .andExpect(status().isOk());
        mvc.perform(get("/api/portal/payments/{id}", id)
                        .with(TestTokens.staff("officer.hn", PaymentFixtures.OTHER_AGENCY, "officer")))
                .andExpect(status().isNotFound());

        assertThat(dossiers.find(dossier).orElseThrow().status()).isEqualTo(DossierStatus.IN_PROCESS);
        assertThat(dossiers.historyOf(dossier))
                .extracting(
                        Dossiers.HistoryLine::action, Dossiers.HistoryLine::fromStatus, Dossiers.HistoryLine::toStatus)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("PAID", 6, 4));

        List<String> events = PaymentTesting.events(jdbc, id);
        assertThat(events).hasSize(2);
        events.forEach(e ->
                assertThat(schemas.problems(PaymentEvents.STATUS_CHANGED, e)).isEmpty());
        assertThat((String) JsonPath.read(events.get(0), "$.status")).isEqualTo("PENDING");
        assertThat((String) JsonPath.read(events.get(1), "$.status")).isEqualTo("PAID");
        assertThat((String) JsonPath.read(events.get(1), "$.previousStatus")).isEqualTo("PENDING");
        List<String> dossierEvents = PaymentTesting.events(jdbc, dossier.toString());
        assertThat(dossierEvents).hasSize(1);
        assertThat(schemas.problems(DossierEvents.STATUS_CHANGED, dossierEvents.get(0)))
                .isEmpty();

        // a paid dossier cannot be paid again
        mvc.perform(post("/api/portal/payments")
                        .with(TestTokens.citizen(PaymentFixtures.OWNER))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"dossierId\":\"" + dossier + "\"}"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("already-paid"));

        // both payment events reach Kafka, keyed by the payment id, as CloudEvents
        List<String> types = new ArrayList<>();
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> {
            types.clear();
            types.addAll(kafkaTypes(PaymentEvents.TOPIC, id));
            return types.size() >= 2;
        });
        assertThat(types).containsOnly(PaymentEvents.STATUS_CHANGED);
    }

    @Test
    void aCallbackWithABadChecksumIsRefusedAndChangesNothing() throws Exception {
        UUID dossier = PaymentFixtures.dossier(jdbc, DossierStatus.PAYMENT_REQUESTED.code());
        String id = PaymentTesting.paymentId(PaymentTesting.start(mvc, dossier, null));
        Map<String, String> callback = callback(id, 70000, "PAID", "TX-1");
        callback.put("amount", "70000");
        callback.put("check_sum", "0".repeat(64));

        mvc.perform(post("/api/portal/payments/callback")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(json.writeValueAsString(callback)))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.code").value("bad-checksum"))
                .andExpect(jsonPath("$.errors[0].field").value("check_sum"));
        // a checksum over other content (amount changed after signing) is as bad
        Map<String, String> tampered = callback(id, 70000, "PAID", "TX-1");
        tampered.put("transaction_id", "TX-2");
        mvc.perform(post("/api/portal/payments/callback")
                        .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                        .params(form(tampered)))
                .andExpect(status().isUnauthorized());

        mvc.perform(get("/api/portal/payments/{id}", id).with(TestTokens.citizen(PaymentFixtures.OWNER)))
                .andExpect(jsonPath("$.status").value("PENDING"))
                .andExpect(jsonPath("$.version").value(1));
        assertThat(PaymentTesting.events(jdbc, id)).hasSize(1);
        assertThat(dossiers.find(dossier).orElseThrow().status()).isEqualTo(DossierStatus.PAYMENT_REQUESTED);
    }

    @Test
    void aReplayedCallbackGetsTheSameAnswerAndHasNoSecondEffect() throws Exception {
        UUID dossier = PaymentFixtures.dossier(jdbc, DossierStatus.PAYMENT_REQUESTED.code());
        String id = PaymentTesting.paymentId(PaymentTesting.start(mvc, dossier, null));
        Map<String, String> callback = callback(id, 70000, "PAID", "TX-REPLAY");

        String first = mvc.perform(post("/api/portal/payments/callback")
                        .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                        .params(form(callback)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("PAID"))
                .andExpect(jsonPath("$.replayed").value(false))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        for (int i = 0; i < 2; i++) {
            mvc.perform(post("/api/portal/payments/callback")
                            .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                            .params(form(callback)))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.status").value("PAID"))
                    .andExpect(jsonPath("$.replayed").value(true))
                    .andExpect(jsonPath("$.receiptNumber").value((String) JsonPath.read(first, "$.receiptNumber")));
        }
        assertThat(PaymentTesting.events(jdbc, id)).hasSize(2);
        assertThat(dossiers.historyOf(dossier)).hasSize(1);
        assertThat(PaymentTesting.events(jdbc, dossier.toString())).hasSize(1);

        // a contradicting result after the payment is final is refused
        mvc.perform(post("/api/portal/payments/callback")
                        .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                        .params(form(callback(id, 70000, "FAILED", null))))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("payment-outcome-conflict"));
        mvc.perform(get("/api/portal/payments/{id}", id).with(TestTokens.citizen(PaymentFixtures.OWNER)))
                .andExpect(jsonPath("$.status").value("PAID"))
                .andExpect(jsonPath("$.version").value(2));
    }

    @Test
    void aCallbackForAnotherAmountIsRefusedAndChangesNothing() throws Exception {
        UUID dossier = PaymentFixtures.dossier(jdbc, DossierStatus.PAYMENT_REQUESTED.code());
        String id = PaymentTesting.paymentId(PaymentTesting.start(mvc, dossier, null));

        mvc.perform(post("/api/portal/payments/callback")
                        .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                        .params(form(callback(id, 7000, "PAID", "TX-SHORT"))))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("amount-mismatch"))
                .andExpect(jsonPath("$.errors[0].field").value("amount"));

        mvc.perform(get("/api/portal/payments/{id}", id).with(TestTokens.citizen(PaymentFixtures.OWNER)))
                .andExpect(jsonPath("$.status").value("PENDING"))
                .andExpect(jsonPath("$.receiptNumber").doesNotExist());
        mvc.perform(get("/api/portal/payments/{id}/receipt", id).with(TestTokens.citizen(PaymentFixtures.OWNER)))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("payment-not-paid"));
        assertThat(PaymentTesting.events(jdbc, id)).hasSize(1);
        assertThat(dossiers.find(dossier).orElseThrow().status()).isEqualTo(DossierStatus.PAYMENT_REQUESTED);
    }

    @Test
    void aFailedPaymentCanBeRetriedWithANewTransaction() throws Exception {
        UUID dossier = PaymentFixtures.dossier(jdbc, DossierStatus.IN_PROCESS.code());
        String first = PaymentTesting.start(mvc, dossier, "try-1");
        String sandbox = PaymentTesting.payAtSandbox(mvc, PaymentTesting.redirect(first), "FAILED");
        assertThat((String) JsonPath.read(sandbox, "$.callback.status")).isEqualTo("FAILED");
        mvc.perform(get("/api/portal/payments/{id}", PaymentTesting.paymentId(first))
                        .with(TestTokens.citizen(PaymentFixtures.OWNER)))
                .andExpect(jsonPath("$.status").value("FAILED"));

        String second = PaymentTesting.start(mvc, dossier, "try-2");
        assertThat(PaymentTesting.paymentId(second)).isNotEqualTo(PaymentTesting.paymentId(first));
        PaymentTesting.payAtSandbox(mvc, PaymentTesting.redirect(second), "PAID");
        mvc.perform(get("/api/portal/payments")
                        .param("dossierId", dossier.toString())
                        .with(TestTokens.citizen(PaymentFixtures.OWNER)))
                .andExpect(jsonPath("$.length()").value(2))
                .andExpect(jsonPath("$[0].status").value("FAILED"))
                .andExpect(jsonPath("$[1].status").value("PAID"));
        // a dossier already in process keeps its status; the payment is written in its history
        assertThat(dossiers.find(dossier).orElseThrow().status()).isEqualTo(DossierStatus.IN_PROCESS);
        assertThat(dossiers.historyOf(dossier))
                .extracting(Dossiers.HistoryLine::action)
                .containsExactly("PAID");
    }

    @Test
    void onlyTheOwnerOfAFiledDossierWithFeesCanStartAPayment() throws Exception {
        UUID dossier = PaymentFixtures.dossier(jdbc, DossierStatus.PAYMENT_REQUESTED.code());
        mvc.perform(post("/api/portal/payments")
                        .with(TestTokens.citizen("001099000001"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"dossierId\":\"" + dossier + "\"}"))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.code").value("dossier-not-found"));
        mvc.perform(post("/api/portal/payments")
                        .with(TestTokens.staff("officer.hue", PaymentFixtures.AGENCY, "officer"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"dossierId\":\"" + dossier + "\"}"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/portal/payments")
                        .with(TestTokens.citizen(PaymentFixtures.OWNER))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("dossierId"));
        UUID done = PaymentFixtures.dossier(jdbc, DossierStatus.RETURNED.code());
        mvc.perform(post("/api/portal/payments")
                        .with(TestTokens.citizen(PaymentFixtures.OWNER))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"dossierId\":\"" + done + "\"}"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("dossier-not-payable"));
        UUID free = PaymentFixtures.dossier(jdbc, "9.200002", PaymentFixtures.OWNER, 4);
        mvc.perform(post("/api/portal/payments")
                        .with(TestTokens.citizen(PaymentFixtures.OWNER))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"dossierId\":\"" + free + "\"}"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("no-fee"));
        // one key, one dossier
        PaymentTesting.start(mvc, dossier, "key-x");
        UUID another = PaymentFixtures.dossier(jdbc, DossierStatus.PAYMENT_REQUESTED.code());
        mvc.perform(post("/api/portal/payments")
                        .with(TestTokens.citizen(PaymentFixtures.OWNER))
                        .header("Idempotency-Key", "key-x")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"dossierId\":\"" + another + "\"}"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("idempotency-key-reused"));
        assertThat(jdbc.sql("select count(*) from payment where dossier_id in (?, ?, ?)")
                        .params(done, free, another)
                        .query(Integer.class)
                        .single())
                .isZero();
    }

    @Test
    void concurrentStartsAndConcurrentCallbacksHaveOneEffect() throws Exception {
        UUID dossier = PaymentFixtures.dossier(jdbc, DossierStatus.PAYMENT_REQUESTED.code());
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(8);
        try {
            List<java.util.concurrent.Callable<String>> starts = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                starts.add(() -> PaymentTesting.paymentId(PaymentTesting.start(mvc, dossier, "same-click")));
            }
            java.util.Set<String> ids = new java.util.HashSet<>();
            for (var f : pool.invokeAll(starts)) {
                ids.add(f.get());
            }
            assertThat(ids).hasSize(1);
            String id = ids.iterator().next();

            Map<String, String> callback = callback(id, 70000, "PAID", "TX-CONCURRENT");
            List<java.util.concurrent.Callable<String>> callbacks = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                callbacks.add(() -> mvc.perform(post("/api/portal/payments/callback")
                                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                                .params(form(callback)))
                        .andExpect(status().isOk())
                        .andReturn()
                        .getResponse()
                        .getContentAsString(StandardCharsets.UTF_8));
            }
            List<String> answers = new ArrayList<>();
            for (var f : pool.invokeAll(callbacks)) {
                answers.add(f.get());
            }
            assertThat(answers)
                    .extracting(a -> (Boolean) JsonPath.read(a, "$.replayed"))
                    .containsOnlyOnce(false);
            assertThat(answers)
                    .extracting(a -> (String) JsonPath.read(a, "$.receiptNumber"))
                    .containsOnly((String) JsonPath.read(answers.get(0), "$.receiptNumber"));
            assertThat(PaymentTesting.events(jdbc, id)).hasSize(2);
            assertThat(jdbc.sql("select count(*) from payment where dossier_id = ?")
                            .param(dossier)
                            .query(Integer.class)
                            .single())
                    .isEqualTo(1);
            assertThat(dossiers.historyOf(dossier)).hasSize(1);
        } finally {
            pool.shutdown();
        }
    }

    private Map<String, String> callback(String orderId, long amount, String status, String transactionId) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("merchant_code", "DVC-PORTAL");
        params.put("order_id", orderId);
        params.put("amount", Long.toString(amount));
        params.put("currency_code", "VND");
        params.put("status", status);
        if (transactionId != null) {
            params.put("transaction_id", transactionId);
            params.put("paid_at", "20261127103000");
        }
        params.put("error_code", "PAID".equals(status) ? "00" : "99");
        return protocol.sign(params);
    }

    private static org.springframework.util.MultiValueMap<String, String> form(Map<String, String> params) {
        org.springframework.util.LinkedMultiValueMap<String, String> form =
                new org.springframework.util.LinkedMultiValueMap<>();
        params.forEach(form::add);
        return form;
    }

    private List<String> kafkaTypes(String topic, String key) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        List<String> types = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props)) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(topic, p.partition()))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            var end = consumer.endOffsets(partitions);
            long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
            while (System.nanoTime() < deadline
                    && partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    if (key.equals(record.key())) {
                        types.add(new String(
                                record.headers().lastHeader("ce_type").value(), StandardCharsets.UTF_8));
                    }
                }
            }
        }
        return types;
    }
}
