package vn.egov.interchange.push;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static vn.egov.interchange.testing.SamplePackages.aPackage;

import com.jayway.jsonpath.JsonPath;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import vn.egov.interchange.agency.Hashes;
import vn.egov.interchange.edxml.Edxml;
import vn.egov.interchange.edxml.EdxmlLimits;
import vn.egov.interchange.events.DocumentEvents;
import vn.egov.interchange.signature.XmlSignatures;
import vn.egov.interchange.testing.AxisHop;
import vn.egov.interchange.testing.InterchangeIT;
import vn.egov.interchange.testing.Signer;
import vn.egov.interchange.testing.Tokens;

/** Push delivery against a real webhook (an HTTP server in the test), real PostgreSQL and Kafka. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestPropertySource(
        properties = {
            "egov.interchange.push.poll=PT0.2S",
            "egov.interchange.push.max-attempts=4",
            "egov.interchange.push.first-retry=PT0.5S",
            "egov.interchange.push.longest-wait=PT1S",
            "egov.interchange.push.request-timeout=PT5S"
        })
class PushDeliveryIT extends InterchangeIT {

    static final String VPCP = "000.00.00.G22";
    static final String HUE = "000.00.00.H57";
    static final String MOF = "000.00.00.G12";

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcTemplate jdbc;

    Signer vpcp;
    HttpServer server;

    /** What one webhook path received, and what it answers now. */
    record Received(Map<String, String> headers, byte[] body, int answered) {}

    final Map<String, List<Received>> received = new ConcurrentHashMap<>();
    final Map<String, AtomicInteger> answer = new ConcurrentHashMap<>();

    @BeforeAll
    void start() throws Exception {
        vpcp = Signer.issue(mvc, VPCP);
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            byte[] body = exchange.getRequestBody().readAllBytes();
            Map<String, String> headers = new ConcurrentHashMap<>();
            exchange.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(), v.getFirst()));
            int code = answer.computeIfAbsent(path, p -> new AtomicInteger(200)).get();
            received.computeIfAbsent(path, p -> new CopyOnWriteArrayList<>()).add(new Received(headers, body, code));
            exchange.sendResponseHeaders(code, -1);
            exchange.close();
        });
        server.start();
    }

    @AfterAll
    void stop() {
        server.stop(0);
    }

    String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    /** Registers a PUSH agency whose webhook is the given path; returns its webhook secret (null: none issued). */
    String pushAgency(String code, String path, boolean withSecret) throws Exception {
        mvc.perform(post("/api/interchange/agencies")
                        .with(Tokens.admin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"code2016":"%s","name":"Cơ quan nhận kiểu PUSH %s","parentCode":"G12",
                                 "deliveryMode":"PUSH","webhookUrl":"%s"}
                                """.formatted(code, code, url(path))))
                .andExpect(status().isCreated());
        if (!withSecret) {
            return null;
        }
        mvc.perform(post("/api/interchange/agencies/" + code + "/webhook-secret")
                        .with(Tokens.clerkOf(code)))
                .andExpect(status().isForbidden());
        String json = mvc.perform(post("/api/interchange/agencies/" + code + "/webhook-secret")
                        .with(Tokens.admin()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.agency").value(code))
                .andReturn()
                .getResponse()
                .getContentAsString();
        return JsonPath.read(json, "$.secret");
    }

    record Sent(String id, byte[] body) {}

    Sent send(String number, String... to) throws Exception {
        byte[] body = vpcp.sign(aPackage().number(number).priority(1).to(to).build());
        String json = mvc.perform(post("/api/interchange/packages")
                        .with(Tokens.integratorOf(VPCP))
                        .contentType(MediaType.APPLICATION_XML)
                        .content(body))
                .andExpect(status().isAccepted())
                .andReturn()
                .getResponse()
                .getContentAsString();
        return new Sent(JsonPath.read(json, "$.id"), body);
    }

    /** The recipient's entry of the sender's timeline. */
    Map<String, Object> timelineOf(String document, String recipient) throws Exception {
        String json = mvc.perform(get("/api/interchange/packages/" + document + "/timeline")
                        .with(Tokens.clerkOf(VPCP)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        List<Map<String, Object>> entries = JsonPath.read(json, "$.recipients[?(@.recipient == '" + recipient + "')]");
        assertThat(entries).hasSize(1);
        return entries.getFirst();
    }

    @SuppressWarnings("unchecked")
    static List<String> kinds(Map<String, Object> entry) {
        return ((List<Map<String, Object>>) entry.get("events"))
                .stream().map(e -> (String) e.get("kind")).toList();
    }

    List<String> inboxDocuments(String agency) throws Exception {
        String json = mvc.perform(get("/api/interchange/inbox").with(Tokens.integratorOf(agency)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        return JsonPath.read(json, "$.items[*].documentUuid");
    }

    int deliveredEvents(String document) {
        return jdbc.queryForObject(
                "SELECT count(*) FROM outbox_event WHERE subject = ? AND type = ?",
                Integer.class,
                document,
                DocumentEvents.DELIVERED);
    }

    @Test
    void aPushAgencyReceivesTheSignedPackageOnceAndItIsDelivered() throws Exception {
        String agency = "000.00.20.G12";
        String secret = pushAgency(agency, "/kbnn", true);
        String noSecret = "000.00.21.G12";
        pushAgency(noSecret, "/no-secret", false);

        Sent sent = send("501", agency, HUE, noSecret);

        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() ->
                        assertThat(timelineOf(sent.id(), agency).get("state")).isEqualTo("DELIVERED"));
        Map<String, Object> entry = timelineOf(sent.id(), agency);
        assertThat(kinds(entry)).containsExactly("SENT", "DELIVERED");
        assertThat(entry.get("deliveredAt")).isNotNull();
        assertThat(entry.get("pushAttempts")).isEqualTo(0);

        Thread.sleep(1_000); // several more runs of the job: nothing is pushed again
        List<Received> requests = received.get("/kbnn");
        assertThat(requests).hasSize(1);
        Received r = requests.getFirst();
        // the bytes the sender signed, with the axis's TraceHeader after the sender's (the signature leaves them out)
        assertThat(r.headers().get("edxml-trace")).startsWith("TRUC-LIEN-THONG,");
        assertThat(new String(r.body(), StandardCharsets.UTF_8))
                .isEqualTo(new String(
                        AxisHop.expected(sent.body(), r.headers().get("edxml-trace")), StandardCharsets.UTF_8));
        assertThat(r.headers().get("digest")).isEqualTo("sha-256=" + Hashes.sha256Hex(r.body()));
        new XmlSignatures()
                .verify(new Edxml(EdxmlLimits.defaults()).readPackage(r.body()).document(), vpcp.certificate());
        assertThat(r.headers().get("content-type")).isEqualTo("application/xml");
        assertThat(r.headers().get("edxml-delivery-id")).isEqualTo(entry.get("deliveryId"));
        assertThat(r.headers().get("edxml-document-id"))
                .startsWith("000.00.00.G22,2026/03/02,501/VPCP-TTĐ".replace("Đ", "?"));
        assertThat(r.headers().get("webhook-attempt")).isEqualTo("1");
        assertThat(WebhookSignature.verify(
                        secret,
                        r.headers().get("webhook-timestamp"),
                        r.body(),
                        r.headers().get("webhook-signature")))
                .isTrue();
        assertThat(WebhookSignature.verify(
                        "whsec_wrong",
                        r.headers().get("webhook-timestamp"),
                        r.body(),
                        r.headers().get("webhook-signature")))
                .isFalse();
        assertThat(deliveredEvents(sent.id())).isOne();
        assertThat(inboxDocuments(agency)).doesNotContain(sent.id());

        // the pull agency and a PUSH agency without a webhook secret are served by their inbox, untouched
        assertThat(timelineOf(sent.id(), HUE).get("state")).isEqualTo("PENDING");
        assertThat(inboxDocuments(HUE)).contains(sent.id());
        assertThat(timelineOf(sent.id(), noSecret).get("state")).isEqualTo("PENDING");
        assertThat(inboxDocuments(noSecret)).contains(sent.id());
        assertThat(received.get("/no-secret")).isNull();
    }

    @Test
    void aWebhookThatWasDownReceivesThePackageOnceWhenItIsBack() throws Exception {
        String agency = "000.00.22.G12";
        String secret = pushAgency(agency, "/down-then-up", true);
        answer.computeIfAbsent("/down-then-up", p -> new AtomicInteger()).set(503);

        Sent sent = send("502", agency);

        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(50))
                .until(() -> received.getOrDefault("/down-then-up", List.of()).size() >= 1);
        answer.get("/down-then-up").set(200);
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() ->
                        assertThat(timelineOf(sent.id(), agency).get("state")).isEqualTo("DELIVERED"));
        Thread.sleep(1_000);

        List<Received> requests = received.get("/down-then-up");
        assertThat(requests.stream().filter(r -> r.answered() == 200)).hasSize(1);
        assertThat(requests.getFirst().answered()).isEqualTo(503);
        assertThat(requests.getLast().answered()).isEqualTo(200);
        assertThat(requests.getLast().headers().get("webhook-attempt")).isEqualTo(String.valueOf(requests.size()));
        for (Received r : requests) {
            assertThat(r.body())
                    .isEqualTo(AxisHop.expected(sent.body(), r.headers().get("edxml-trace")));
            assertThat(WebhookSignature.verify(
                            secret,
                            r.headers().get("webhook-timestamp"),
                            r.body(),
                            r.headers().get("webhook-signature")))
                    .isTrue();
        }
        Map<String, Object> entry = timelineOf(sent.id(), agency);
        assertThat(kinds(entry)).startsWith("SENT", "PUSH_RETRY").endsWith("DELIVERED");
        assertThat(entry.get("lastPushError")).isEqualTo("HTTP 503");
        assertThat(deliveredEvents(sent.id())).isOne();
    }

    @Test
    void afterTheLastAttemptTheSenderSeesTheDeadLetterAndCanRequeueIt() throws Exception {
        String agency = "000.00.23.G12";
        pushAgency(agency, "/broken", true);
        answer.computeIfAbsent("/broken", p -> new AtomicInteger()).set(500);

        Sent sent = send("503", agency, HUE);

        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(() ->
                        assertThat(timelineOf(sent.id(), agency).get("state")).isEqualTo("PUSH_FAILED"));
        Thread.sleep(1_500); // the axis has given up: no further attempt
        assertThat(received.get("/broken")).hasSize(4);
        Map<String, Object> entry = timelineOf(sent.id(), agency);
        assertThat(entry.get("pushAttempts")).isEqualTo(4);
        assertThat(entry.get("lastPushError")).isEqualTo("HTTP 500");
        assertThat(entry.get("nextPushAt")).isNull();
        assertThat(kinds(entry)).containsExactly("SENT", "PUSH_RETRY", "PUSH_RETRY", "PUSH_RETRY", "PUSH_FAILED");
        assertThat(deliveredEvents(sent.id())).isZero();
        String delivery = (String) entry.get("deliveryId");

        // only the sender (or a platform admin) re-queues, and only a parked delivery
        mvc.perform(post("/api/interchange/deliveries/" + delivery + "/retry").with(Tokens.clerkOf(MOF)))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.code").value("delivery-not-found"));
        mvc.perform(post("/api/interchange/deliveries/" + delivery + "/retry").with(Tokens.citizen()))
                .andExpect(status().isForbidden());
        String pullDelivery = (String) timelineOf(sent.id(), HUE).get("deliveryId");
        mvc.perform(post("/api/interchange/deliveries/" + pullDelivery + "/retry")
                        .with(Tokens.admin()))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("delivery-not-push-failed"));

        answer.get("/broken").set(204);
        mvc.perform(post("/api/interchange/deliveries/" + delivery + "/retry").with(Tokens.integratorOf(VPCP)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.state").value("PENDING"))
                .andExpect(jsonPath("$.recipient").value(agency));
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() ->
                        assertThat(timelineOf(sent.id(), agency).get("state")).isEqualTo("DELIVERED"));
        assertThat(received.get("/broken")).hasSize(5);
        assertThat(received.get("/broken").getLast().headers().get("webhook-attempt"))
                .isEqualTo("1");
        assertThat(kinds(timelineOf(sent.id(), agency))).endsWith("PUSH_FAILED", "PUSH_REQUEUED", "DELIVERED");
        assertThat(deliveredEvents(sent.id())).isOne();
        // a second re-queue of a delivered delivery is refused, nothing is pushed again
        mvc.perform(post("/api/interchange/deliveries/" + delivery + "/retry").with(Tokens.integratorOf(VPCP)))
                .andExpect(status().isConflict());
    }
}
