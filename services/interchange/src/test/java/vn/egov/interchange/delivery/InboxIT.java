package vn.egov.interchange.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static vn.egov.interchange.testing.SamplePackages.aPackage;

import com.jayway.jsonpath.JsonPath;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import vn.egov.interchange.edxml.Edxml;
import vn.egov.interchange.edxml.EdxmlLimits;
import vn.egov.interchange.events.DocumentEvents;
import vn.egov.interchange.signature.XmlSignatures;
import vn.egov.interchange.testing.InterchangeIT;
import vn.egov.interchange.testing.Signer;
import vn.egov.interchange.testing.Tokens;
import vn.egov.platform.events.EventSchemas;
import vn.egov.platform.testing.TestKafka;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class InboxIT extends InterchangeIT {

    static final String VPCP = "000.00.00.G22";
    static final String HUE = "000.00.00.H57";
    static final String MOF = "000.00.00.G12";

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcTemplate jdbc;

    Signer vpcp;

    @BeforeAll
    void certificates() throws Exception {
        vpcp = Signer.issue(mvc, VPCP);
    }

    String send(String number, int priority, String... to) throws Exception {
        byte[] body =
                vpcp.sign(aPackage().number(number).priority(priority).to(to).build());
        String json = mvc.perform(post("/api/interchange/packages")
                        .with(Tokens.integratorOf(VPCP))
                        .contentType(MediaType.APPLICATION_XML)
                        .content(body))
                .andExpect(status().isAccepted())
                .andReturn()
                .getResponse()
                .getContentAsString();
        return JsonPath.read(json, "$.id");
    }

    List<String> inboxDocumentIds(String agency) throws Exception {
        String json = mvc.perform(get("/api/interchange/inbox?limit=100").with(Tokens.integratorOf(agency)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        return JsonPath.read(json, "$.items[*].documentId");
    }

    String deliveryOf(String documentUuid, String agency) {
        return jdbc.queryForObject(
                "SELECT l.id::text FROM delivery l JOIN agency a ON a.id = l.recipient_id"
                        + " WHERE l.document_id = ?::uuid AND (a.code_2016 = ? OR a.code_2020 = ?)",
                String.class,
                documentUuid,
                agency,
                agency);
    }

    @Test
    void urgentDocumentsComeFirstAndEachIsDeliveredExactlyOnce() throws Exception {
        String normal = send("101", 0, HUE, MOF);
        send("102", 1, HUE); // Khẩn
        send("103", 3, HUE); // Hỏa tốc
        send("104", 2, HUE); // Thượng khẩn

        assertThat(inboxDocumentIds(HUE))
                .containsExactly(
                        "000.00.00.G22,2026/03/02,103/VPCP-TTĐT",
                        "000.00.00.G22,2026/03/02,104/VPCP-TTĐT",
                        "000.00.00.G22,2026/03/02,102/VPCP-TTĐT",
                        "000.00.00.G22,2026/03/02,101/VPCP-TTĐT");

        String delivery = deliveryOf(normal, HUE);
        byte[] received = mvc.perform(
                        get("/api/interchange/inbox/" + delivery + "/package").with(Tokens.clerkOf(HUE)))
                .andExpect(status().isOk())
                .andExpect(header().string("Edxml-Trace", org.hamcrest.Matchers.startsWith("TRUC-LIEN-THONG,")))
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        // exactly the signed bytes: the recipient verifies the sender's signature itself
        var parsed = new Edxml(EdxmlLimits.defaults()).readPackage(received);
        new XmlSignatures().verify(parsed.document(), vpcp.certificate());

        mvc.perform(post("/api/interchange/inbox/" + delivery + "/ack").with(Tokens.clerkOf(HUE)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.state").value("DELIVERED"))
                .andExpect(jsonPath("$.alreadyAcknowledged").value(false));
        mvc.perform(post("/api/interchange/inbox/" + delivery + "/ack").with(Tokens.clerkOf(HUE)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.alreadyAcknowledged").value(true));
        assertThat(inboxDocumentIds(HUE)).hasSize(3).doesNotContain("000.00.00.G22,2026/03/02,101/VPCP-TTĐT");
        assertThat(inboxDocumentIds(MOF)).containsExactly("000.00.00.G22,2026/03/02,101/VPCP-TTĐT");

        // another agency neither reads nor acknowledges Huế's delivery
        mvc.perform(get("/api/interchange/inbox/" + delivery + "/package").with(Tokens.clerkOf(MOF)))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.code").value("delivery-not-found"));
        mvc.perform(post("/api/interchange/inbox/" + delivery + "/ack").with(Tokens.clerkOf(MOF)))
                .andExpect(status().isNotFound());

        EventSchemas schemas = new EventSchemas();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            List<ConsumerRecord<String, byte[]>> records = TestKafka.records(DocumentEvents.TOPIC).stream()
                    .filter(r -> r.key().equals(normal))
                    .toList();
            List<String> types = records.stream()
                    .map(r -> new String(r.headers().lastHeader("ce_type").value(), StandardCharsets.UTF_8))
                    .toList();
            assertThat(types).containsExactly(DocumentEvents.SENT, DocumentEvents.DELIVERED);
            for (var r : records) {
                String type = new String(r.headers().lastHeader("ce_type").value(), StandardCharsets.UTF_8);
                assertThat(schemas.problems(type, new String(r.value(), StandardCharsets.UTF_8)))
                        .isEmpty();
            }
        });
    }

    @Test
    void concurrentAcknowledgementsDeliverOnce() throws Exception {
        String document = send("201", 0, MOF);
        String delivery = deliveryOf(document, MOF);
        List<Callable<Boolean>> acks = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            acks.add(() -> JsonPath.read(
                    mvc.perform(post("/api/interchange/inbox/" + delivery + "/ack")
                                    .with(Tokens.integratorOf(MOF)))
                            .andExpect(status().isOk())
                            .andReturn()
                            .getResponse()
                            .getContentAsString(),
                    "$.alreadyAcknowledged"));
        }
        try (var pool = Executors.newFixedThreadPool(8)) {
            List<Boolean> already = new ArrayList<>();
            for (var f : pool.invokeAll(acks)) {
                already.add(f.get());
            }
            assertThat(already).containsOnlyOnce(false);
        }
        assertThat(jdbc.queryForObject(
                        "SELECT count(*) FROM outbox_event WHERE subject = ? AND type = ?",
                        Integer.class,
                        document,
                        DocumentEvents.DELIVERED))
                .isOne();
    }

    @Test
    void aSystemThatWasAwayReceivesEverythingOnceWhenItReturns() throws Exception {
        List<String> sent = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            sent.add(send("3" + String.format("%02d", i), i % 4, "H41"));
        }
        List<String> received = new ArrayList<>();
        while (true) {
            String json = mvc.perform(get("/api/interchange/inbox?limit=10").with(Tokens.integratorOf("H41")))
                    .andReturn()
                    .getResponse()
                    .getContentAsString();
            List<String> ids = JsonPath.read(json, "$.items[*].deliveryId");
            List<String> documents = JsonPath.read(json, "$.items[*].documentUuid");
            if (ids.isEmpty()) {
                break;
            }
            for (String id : ids) {
                mvc.perform(post("/api/interchange/inbox/" + id + "/ack").with(Tokens.integratorOf("H41")))
                        .andExpect(jsonPath("$.alreadyAcknowledged").value(false));
            }
            received.addAll(documents);
        }
        assertThat(received).containsExactlyInAnyOrderElementsOf(sent);
    }

    @Test
    void aStoredPageIsAcknowledgedInOneRequestAndEachDeliveryOnce() throws Exception {
        String g17 = "000.00.00.G17";
        List<String> documents = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            documents.add(send("40" + i, 0, g17));
        }
        List<String> ids = JsonPath.read(
                mvc.perform(get("/api/interchange/inbox?limit=10").with(Tokens.integratorOf("G17")))
                        .andReturn()
                        .getResponse()
                        .getContentAsString(),
                "$.items[*].deliveryId");
        assertThat(ids).hasSize(3);
        String first = "{\"deliveryIds\":[\"" + ids.get(0) + "\"]}";
        mvc.perform(post("/api/interchange/inbox/ack")
                        .with(Tokens.integratorOf("G17"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(first))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[0].alreadyAcknowledged").value(false));

        // a delivery of another agency in the list: 404 naming it, and nothing of the list is acknowledged
        String foreign = deliveryOf(send("410", 0, "000.00.18.G12"), "000.00.18.G12");
        mvc.perform(post("/api/interchange/inbox/ack")
                        .with(Tokens.integratorOf("G17"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"deliveryIds\":[\"" + ids.get(1) + "\",\"" + foreign + "\"]}"))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.code").value("delivery-not-found"))
                .andExpect(jsonPath("$.errors[0].field").value("deliveryIds[1]"));
        assertThat(JsonPath.<List<String>>read(
                        mvc.perform(get("/api/interchange/inbox").with(Tokens.integratorOf("G17")))
                                .andReturn()
                                .getResponse()
                                .getContentAsString(),
                        "$.items[*].deliveryId"))
                .containsExactlyInAnyOrder(ids.get(1), ids.get(2));
        mvc.perform(post("/api/interchange/inbox/ack")
                        .with(Tokens.integratorOf("G17"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"deliveryIds\":[]}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("deliveryIds"));

        // the whole page, the already acknowledged one included: the others are delivered, that one answers as before
        mvc.perform(post("/api/interchange/inbox/ack")
                        .with(Tokens.integratorOf("G17"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"deliveryIds\":[\"" + String.join("\",\"", ids) + "\"]}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[*].deliveryId").value(org.hamcrest.Matchers.contains(ids.toArray())))
                .andExpect(jsonPath("$.items[*].state")
                        .value(org.hamcrest.Matchers.everyItem(org.hamcrest.Matchers.is("DELIVERED"))))
                .andExpect(jsonPath("$.items[*].alreadyAcknowledged")
                        .value(org.hamcrest.Matchers.contains(true, false, false)));
        assertThat(inboxDocumentIds("G17")).isEmpty();
        for (String document : documents) {
            assertThat(jdbc.queryForObject(
                            "SELECT count(*) FROM outbox_event WHERE subject = ? AND type = ?",
                            Integer.class,
                            document,
                            DocumentEvents.DELIVERED))
                    .isOne();
            assertThat(jdbc.queryForObject(
                            "SELECT count(*) FROM delivery_event e JOIN delivery l ON l.id = e.delivery_id"
                                    + " WHERE l.document_id = ?::uuid AND e.kind = 'DELIVERED'",
                            Integer.class,
                            document))
                    .isOne();
        }
    }

    @Test
    void callersWithoutAnAgencyHaveNoInbox() throws Exception {
        mvc.perform(get("/api/interchange/inbox").with(Tokens.integratorOf(null)))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.code").value("no-agency"));
        mvc.perform(get("/api/interchange/inbox").with(Tokens.citizen())).andExpect(status().isForbidden());
    }
}
