package vn.egov.portal.transfer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static vn.egov.portal.workflow.DeskFixtures.FREE;
import static vn.egov.portal.workflow.DeskFixtures.HUE;
import static vn.egov.portal.workflow.DeskFixtures.OWNER;
import static vn.egov.portal.workflow.DeskFixtures.VPCP;
import static vn.egov.portal.workflow.DeskFixtures.hueOfficer;
import static vn.egov.portal.workflow.DeskFixtures.officer;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import javax.xml.crypto.dsig.XMLSignature;
import javax.xml.crypto.dsig.XMLSignatureFactory;
import javax.xml.crypto.dsig.dom.DOMValidateContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import vn.egov.portal.dossier.Dossiers;
import vn.egov.portal.result.AgencyKeys;
import vn.egov.portal.result.ResultSignatures;
import vn.egov.portal.testing.PortalIntegrationTest;
import vn.egov.portal.workflow.DeskFixtures;

/**
 * Inter-agency transfer through the interchange, against a real HTTP server speaking the interchange's API shape
 * ({@link FakeInterchange}): recorded in the officer's transaction, sent with back-off while the axis is busy, the
 * same signed bytes on every attempt, a refusal not retried, the other agency's statuses moving the dossier on.
 */
class TransferIT extends PortalIntegrationTest {

    static final FakeInterchange INTERCHANGE;

    static {
        try {
            INTERCHANGE = new FakeInterchange();
        } catch (java.io.IOException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    @DynamicPropertySource
    static void interchange(DynamicPropertyRegistry registry) {
        registry.add("egov.portal.transfer.interchange-url", INTERCHANGE::url);
        registry.add("egov.portal.transfer.token-uri", () -> INTERCHANGE.url() + "/token");
        registry.add("egov.portal.transfer.client-id", () -> "portal-one-stop");
        registry.add("egov.portal.transfer.client-secret", () -> "secret");
        // the jobs are run by the test itself
        registry.add("egov.portal.transfer.send-every", () -> "PT1H");
        registry.add("egov.portal.transfer.follow-every", () -> "PT1H");
    }

    @AfterAll
    static void stop() {
        INTERCHANGE.close();
    }

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Dossiers dossiers;

    @Autowired
    TransferJobs jobs;

    @Autowired
    Transfers transfers;

    @Autowired
    AgencyKeys keys;

    DeskFixtures fx;

    @BeforeEach
    void setUp() {
        fx = new DeskFixtures(jdbc, mvc);
        fx.procedures();
        INTERCHANGE.mode = FakeInterchange.Mode.UP;
    }

    UUID inProcess() throws Exception {
        UUID id = fx.submitted(FREE, HUE, OWNER);
        fx.act(id, "receive", null).andExpect(status().isOk());
        fx.act(id, "process", null).andExpect(status().isOk());
        return id;
    }

    ResultActions transfer(UUID id, String body) throws Exception {
        return mvc.perform(post("/api/portal/desk/dossiers/{id}/transfer", id)
                .with(hueOfficer())
                .header("If-Match", "\"" + fx.version(id) + "\"")
                .contentType(MediaType.APPLICATION_JSON)
                .content(body));
    }

    Transfer only(UUID dossierId) {
        List<Transfer> list = transfers.ofDossier(dossierId);
        assertThat(list).hasSize(1);
        return list.getFirst();
    }

    void makeDue(UUID transferId) {
        jdbc.sql("update dossier_transfer set next_attempt_at = ? where id = ?")
                .params(Timestamp.from(Instant.now().minusSeconds(1)), transferId)
                .update();
    }

    @Test
    void aTransferWaitsOutABusyInterchangeThenTheOtherAgencysStatusesMoveTheDossierOn() throws Exception {
        UUID id = inProcess();
        INTERCHANGE.mode = FakeInterchange.Mode.BUSY;

        transfer(id, "{\"toAgency\":\"" + VPCP + "\",\"note\":\"Đề nghị Văn phòng Chính phủ cho ý kiến\"}")
                .andExpect(status().isAccepted())
                .andExpect(header().string("ETag", "\"4\""))
                .andExpect(jsonPath("$.state").value("PENDING"))
                .andExpect(jsonPath("$.toAgency").value(VPCP));
        assertThat(dossiers.historyOf(id).getLast().action()).isEqualTo("TRANSFER");
        fx.act(id, "complete", "{\"decision\":\"Cấp\"}")
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("transfer-open"));

        Instant before = Instant.now();
        assertThat(jobs.sendDue()).isZero();
        Transfer first = only(id);
        assertThat(first.state()).isEqualTo(Transfer.State.PENDING);
        assertThat(first.attempts()).isEqualTo(1);
        assertThat(first.lastError()).contains("503");
        assertThat(first.nextAttemptAt()).isAfterOrEqualTo(before.plus(Duration.ofSeconds(29)));
        int calls = INTERCHANGE.packages.size();
        jobs.sendDue();
        assertThat(INTERCHANGE.packages).as("not due yet: no new attempt").hasSize(calls);

        makeDue(first.id());
        Instant beforeSecond = Instant.now();
        jobs.sendDue();
        Transfer second = only(id);
        assertThat(second.attempts()).isEqualTo(2);
        assertThat(second.nextAttemptAt())
                .as("the wait doubles")
                .isAfterOrEqualTo(beforeSecond.plus(Duration.ofSeconds(59)));

        INTERCHANGE.mode = FakeInterchange.Mode.UP;
        makeDue(first.id());
        assertThat(jobs.sendDue()).isEqualTo(1);
        Transfer sent = only(id);
        assertThat(sent.state()).isEqualTo(Transfer.State.SENT);
        assertThat(sent.interchangeId()).isNotNull();
        assertThat(INTERCHANGE.packages).hasSize(calls + 2);
        List<String> attempts = INTERCHANGE.packages.stream()
                .map(String::new)
                .filter(p -> p.contains(sent.documentId()))
                .toList();
        assertThat(attempts).hasSize(3);
        assertThat(attempts.stream().distinct())
                .as("every attempt sends the same signed bytes")
                .hasSize(1);
        assertThat(INTERCHANGE.authorizations).allMatch("Bearer t-portal"::equals);
        assertPackageSignedByHue(INTERCHANGE.packages.getLast(), sent.documentId());
        assertThat(dossiers.historyOf(id).getLast().action()).isEqualTo("TRANSFER_SENT");

        mvc.perform(get("/api/portal/desk/dossiers/{id}/transfers", id).with(hueOfficer()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].state").value("SENT"))
                .andExpect(jsonPath("$[0].attempts").value(3));

        INTERCHANGE.statuses.put(sent.interchangeId(), "03");
        assertThat(jobs.followStatuses()).isEqualTo(1);
        assertThat(jobs.followStatuses())
                .as("the same status again moves nothing")
                .isZero();
        assertThat(only(id).state()).isEqualTo(Transfer.State.ACCEPTED);
        assertThat(dossiers.historyOf(id).getLast().action()).isEqualTo("TRANSFER_STATUS");

        int version = fx.version(id);
        INTERCHANGE.statuses.put(sent.interchangeId(), "06");
        assertThat(jobs.followStatuses()).isEqualTo(1);
        assertThat(only(id).state()).isEqualTo(Transfer.State.COMPLETED);
        assertThat(fx.version(id)).isEqualTo(version + 1);
        Dossiers.HistoryLine completed = dossiers.historyOf(id).getLast();
        assertThat(completed.action()).isEqualTo("TRANSFER_COMPLETED");
        assertThat(completed.actorAgency()).isEqualTo(VPCP);
        fx.act(id, "complete", "{\"decision\":\"Cấp giấy phép sau ý kiến của VPCP\"}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value(9));
    }

    @Test
    void aPackageTheInterchangeRefusesIsNotRetriedAndTheDossierCanBeTransferredAgain() throws Exception {
        UUID id = inProcess();
        INTERCHANGE.mode = FakeInterchange.Mode.REFUSING;
        transfer(id, "{\"toAgency\":\"G99\"}").andExpect(status().isAccepted());

        jobs.sendDue();
        Transfer failed = only(id);
        assertThat(failed.state()).isEqualTo(Transfer.State.FAILED);
        assertThat(failed.lastError()).contains("unknown-recipient");
        Dossiers.HistoryLine line = dossiers.historyOf(id).getLast();
        assertThat(line.action()).isEqualTo("TRANSFER_FAILED");
        assertThat(line.note()).contains("Cơ quan nhận chưa đăng ký");
        int calls = INTERCHANGE.packages.size();
        makeDue(failed.id());
        jobs.sendDue();
        assertThat(INTERCHANGE.packages).hasSize(calls);

        INTERCHANGE.mode = FakeInterchange.Mode.UP;
        transfer(id, "{\"toAgency\":\"" + VPCP + "\"}").andExpect(status().isAccepted());
        assertThat(jobs.sendDue()).isEqualTo(1);
    }

    @Test
    void theOtherAgencyRefusingReturnsTheDossierToTheDesk() throws Exception {
        UUID id = inProcess();
        transfer(id, "{\"toAgency\":\"" + VPCP + "\"}").andExpect(status().isAccepted());
        jobs.sendDue();
        Transfer sent = only(id);
        INTERCHANGE.statuses.put(sent.interchangeId(), "02");
        jobs.followStatuses();
        assertThat(only(id).state()).isEqualTo(Transfer.State.REFUSED);
        assertThat(dossiers.historyOf(id).getLast().action()).isEqualTo("TRANSFER_REFUSED");
        assertThat(fx.status(id)).isEqualTo(4);
        fx.act(id, "refuse", "{\"reason\":\"Không đủ điều kiện theo ý kiến của VPCP\"}")
                .andExpect(status().isOk());
    }

    @Test
    void badTransferRequestsAreRefusedAndNothingIsRecorded() throws Exception {
        UUID id = inProcess();
        transfer(id, "{}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("toAgency"));
        transfer(id, "{\"toAgency\":\"000.00.00.g22\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("toAgency"));
        transfer(id, "{\"toAgency\":\"" + HUE + "\"}").andExpect(status().isBadRequest());
        mvc.perform(post("/api/portal/desk/dossiers/{id}/transfer", id)
                        .with(officer("officer.vpcp", VPCP))
                        .header("If-Match", "\"" + fx.version(id) + "\"")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"toAgency\":\"G01\"}"))
                .andExpect(status().isNotFound());
        mvc.perform(post("/api/portal/desk/dossiers/{id}/transfer", id)
                        .with(hueOfficer())
                        .header("If-Match", "\"1\"")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"toAgency\":\"G01\"}"))
                .andExpect(status().isPreconditionFailed());
        UUID received = fx.submitted(FREE, HUE, OWNER);
        transfer(received, "{\"toAgency\":\"" + VPCP + "\"}")
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("invalid-transition"));
        assertThat(transfers.ofDossier(id)).isEmpty();
        assertThat(transfers.ofDossier(received)).isEmpty();

        transfer(id, "{\"toAgency\":\"" + VPCP + "\"}").andExpect(status().isAccepted());
        transfer(id, "{\"toAgency\":\"G01\"}")
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("transfer-open"));
        assertThat(transfers.ofDossier(id)).hasSize(1);
    }

    void assertPackageSignedByHue(byte[] bytes, String documentId) throws Exception {
        Document doc = ResultSignatures.parse(bytes);
        Element signature = (Element)
                doc.getElementsByTagNameNS(XMLSignature.XMLNS, "Signature").item(0);
        assertThat(signature.getParentNode().getLocalName()).isEqualTo("edXMLHeader");
        DOMValidateContext context = new DOMValidateContext(
                keys.forAgency(HUE).orElseThrow().certificate().getPublicKey(), signature);
        assertThat(XMLSignatureFactory.getInstance("DOM")
                        .unmarshalXMLSignature(context)
                        .validate(context))
                .isTrue();
        String text = new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
        assertThat(text)
                .contains("<edXML:DocumentId>" + documentId + "</edXML:DocumentId>")
                .contains("<edXML:From><edXML:OrganId>" + HUE + "</edXML:OrganId></edXML:From>")
                .contains("<edXML:To><edXML:OrganId>" + VPCP + "</edXML:OrganId></edXML:To>");
        assertThat(documentId).matches(HUE.replace(".", "\\.") + ",\\d{4}/\\d{2}/\\d{2},\\d+/LT-MOTCUA");
    }
}
