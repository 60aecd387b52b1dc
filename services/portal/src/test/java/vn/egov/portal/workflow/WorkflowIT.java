package vn.egov.portal.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static vn.egov.portal.workflow.DeskFixtures.FREE;
import static vn.egov.portal.workflow.DeskFixtures.HUE;
import static vn.egov.portal.workflow.DeskFixtures.OWNER;
import static vn.egov.portal.workflow.DeskFixtures.VPCP;
import static vn.egov.portal.workflow.DeskFixtures.WITH_FEES;
import static vn.egov.portal.workflow.DeskFixtures.hueOfficer;
import static vn.egov.portal.workflow.DeskFixtures.officer;

import com.jayway.jsonpath.JsonPath;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import vn.egov.platform.calendar.WorkingDayCalendar;
import vn.egov.platform.events.EventSchemas;
import vn.egov.platform.testing.TestTokens;
import vn.egov.portal.dossier.DossierEvents;
import vn.egov.portal.dossier.Dossiers;
import vn.egov.portal.testing.PortalIntegrationTest;

/** The one-stop workflow through the desk API: every step, the steps out of order, agency isolation, versions. */
class WorkflowIT extends PortalIntegrationTest {

    static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Dossiers dossiers;

    @Autowired
    Workflow workflow;

    @Autowired
    WorkingDayCalendar calendar;

    DeskFixtures fx;

    @BeforeEach
    void setUp() throws Exception {
        fx = new DeskFixtures(jdbc, mvc);
        fx.procedures();
        // the assignee has used the desk once, so the portal knows it belongs to Huế
        mvc.perform(get("/api/portal/desk/dossiers").with(officer("chuyenvien.hue", HUE)))
                .andExpect(status().isOk());
    }

    @Test
    void aDossierGoesFromReceiptThroughPaymentToASignedResultAndItsReturn() throws Exception {
        UUID id = fx.submitted(WITH_FEES, HUE, OWNER);

        String received = fx.act(id, "receive", "{\"note\":\"Hồ sơ đầy đủ\"}")
                .andExpect(status().isOk())
                .andExpect(header().string("ETag", "\"2\""))
                .andExpect(jsonPath("$.status").value(2))
                .andExpect(jsonPath("$.allowedActions", hasItem("process")))
                .andReturn()
                .getResponse()
                .getContentAsString();
        Instant receivedAt = Instant.parse(JsonPath.read(received, "$.receivedAt"));
        LocalDate expectedDue = calendar.deadline(LocalDateTime.ofInstant(receivedAt, VIETNAM), 3)
                .dueDate();
        assertThat(LocalDate.parse(JsonPath.read(received, "$.dueDate"))).isEqualTo(expectedDue);

        fx.act(id, "assign", "{\"assignee\":\"chuyenvien.hue\"}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.assignee").value("chuyenvien.hue"))
                .andExpect(jsonPath("$.status").value(2));
        fx.act(id, "process", null)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value(4));
        fx.act(id, "request-payment", null)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value(6));

        assertThat(workflow.paid(id, "GD-0001")).isTrue();
        assertThat(workflow.paid(id, "GD-0001"))
                .as("a second notice changes nothing")
                .isFalse();
        assertThat(fx.status(id)).isEqualTo(4);

        fx.act(id, "complete", "{\"decision\":\"Cấp giấy phép xây dựng số 123/GPXD\"}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value(9))
                .andExpect(jsonPath("$.completedAt").isNotEmpty());
        mvc.perform(get("/api/portal/dossiers/{id}/result", id).with(TestTokens.citizen(OWNER)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.decision").value("Cấp giấy phép xây dựng số 123/GPXD"))
                .andExpect(jsonPath("$.signature.valid").value(true));
        fx.act(id, "return", null)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value(10))
                .andExpect(jsonPath("$.returnedAt").isNotEmpty())
                .andExpect(jsonPath("$.allowedActions").isEmpty());

        List<Dossiers.HistoryLine> history = dossiers.historyOf(id);
        assertThat(history)
                .extracting(Dossiers.HistoryLine::action)
                .containsExactly("RECEIVE", "ASSIGN", "PROCESS", "REQUEST_PAYMENT", "PAID", "COMPLETE", "RETURN");
        assertThat(history).extracting(Dossiers.HistoryLine::toStatus).containsExactly(2, 2, 4, 6, 4, 9, 10);
        assertThat(history.getFirst().actor()).isEqualTo("officer.hue");
        assertThat(history.getFirst().actorAgency()).isEqualTo(HUE);
        assertThat(history.getFirst().note()).isEqualTo("Hồ sơ đầy đủ");
        assertThat(history.get(4).actor()).isEqualTo("payment-platform");
        assertThat(history.get(4).details().get("paymentReference").asString()).isEqualTo("GD-0001");
        assertThat(history).allSatisfy(line -> assertThat(line.at()).isNotNull());

        EventSchemas schemas = new EventSchemas();
        List<String> events = jdbc.sql("select data::text from outbox_event where subject = ?")
                .param(id.toString())
                .query(String.class)
                .list();
        assertThat(events).hasSize(7);
        events.forEach(e ->
                assertThat(schemas.problems(DossierEvents.STATUS_CHANGED, e)).isEmpty());
    }

    @Test
    void aStepOutOfOrderIsRefusedWithTheCurrentStatusAndTheAllowedActionsAndChangesNothing() throws Exception {
        UUID id = fx.submitted(FREE, HUE, OWNER);

        fx.act(id, "complete", "{\"decision\":\"Cấp\"}")
                .andExpect(status().isConflict())
                .andExpect(header().string("Content-Type", containsString("application/problem+json")))
                .andExpect(jsonPath("$.code").value("invalid-transition"))
                .andExpect(jsonPath("$.currentStatus").value(1))
                .andExpect(jsonPath("$.currentStatusLabel").value("Mới tiếp nhận"))
                .andExpect(jsonPath("$.allowedActions", hasItem("receive")))
                .andExpect(jsonPath("$.allowedActions", not(hasItem("complete"))))
                .andExpect(jsonPath("$.detail", containsString("receive")));
        fx.act(id, "return", null).andExpect(status().isConflict());
        fx.act(id, "process", null).andExpect(status().isConflict());

        assertThat(fx.version(id)).isEqualTo(1);
        assertThat(fx.status(id)).isEqualTo(1);
        assertThat(fx.historyLines(id)).isZero();
        assertThat(jdbc.sql("select count(*) from dossier_result where dossier_id = ?")
                        .param(id)
                        .query(Integer.class)
                        .single())
                .isZero();

        fx.act(id, "receive", null).andExpect(status().isOk());
        fx.act(id, "receive", null)
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.currentStatus").value(2));
        fx.act(id, "request-payment", null).andExpect(status().isConflict());
        fx.act(id, "process", null).andExpect(status().isOk());
        fx.act(id, "request-payment", null)
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("no-fees"));
        fx.act(id, "fly-away", null)
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.code").value("unknown-action"));
        assertThat(fx.status(id)).isEqualTo(4);
    }

    @Test
    void anotherAgencysDossierIsInvisibleAndAForgedAgencyChangesNothing() throws Exception {
        UUID id = fx.submitted(FREE, HUE, OWNER);
        var vpcpOfficer = officer("officer.vpcp", VPCP);

        mvc.perform(get("/api/portal/desk/dossiers/{id}", id).with(vpcpOfficer))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.code").value("dossier-not-found"));
        fx.act(id, "receive", 1, null, vpcpOfficer).andExpect(status().isNotFound());
        fx.act(id, "refuse", 1, "{\"reason\":\"x\"}", vpcpOfficer).andExpect(status().isNotFound());
        mvc.perform(get("/api/portal/desk/dossiers").with(vpcpOfficer))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[*].id", not(hasItem(id.toString()))));
        mvc.perform(get("/api/portal/dossiers/{id}/result", id).with(vpcpOfficer))
                .andExpect(status().isNotFound());

        // a staff token without an agency, a citizen, an integrator: refused before anything is read
        fx.act(id, "receive", 1, null, TestTokens.staff("no.agency", null, "officer"))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.code").value("no-agency"));
        fx.act(id, "receive", 1, null, TestTokens.citizen(OWNER)).andExpect(status().isForbidden());
        fx.act(id, "receive", 1, null, TestTokens.integrator()).andExpect(status().isForbidden());

        assertThat(fx.version(id)).isEqualTo(1);
        assertThat(fx.historyLines(id)).isZero();

        mvc.perform(get("/api/portal/desk/dossiers").with(hueOfficer()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[*].id", hasItem(id.toString())));
        mvc.perform(get("/api/portal/desk/dossiers/{id}", id).with(hueOfficer()))
                .andExpect(status().isOk())
                .andExpect(header().string("ETag", "\"1\""))
                .andExpect(jsonPath("$.allowedActions", hasItem("receive")));
    }

    @Test
    void aStaleVersionIsRefusedWith412AndAMissingOneWith428() throws Exception {
        UUID id = fx.submitted(FREE, HUE, OWNER);
        fx.act(id, "receive", null).andExpect(status().isOk());

        fx.act(id, "process", 1, null, hueOfficer())
                .andExpect(status().isPreconditionFailed())
                .andExpect(jsonPath("$.code").value("stale-version"));
        mvc.perform(post("/api/portal/desk/dossiers/{id}/process", id).with(hueOfficer()))
                .andExpect(status().isPreconditionRequired());
        assertThat(fx.status(id)).isEqualTo(2);
        assertThat(fx.version(id)).isEqualTo(2);
    }

    @Test
    void assigningIsOnlyToAnOfficerOfTheSameAgency() throws Exception {
        mvc.perform(get("/api/portal/desk/dossiers").with(officer("officer.vpcp", VPCP)))
                .andExpect(status().isOk());
        UUID id = fx.submitted(FREE, HUE, OWNER);

        fx.act(id, "assign", "{\"assignee\":\"officer.vpcp\"}")
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("assignee-not-in-agency"))
                .andExpect(jsonPath("$.errors[0].field").value("assignee"));
        fx.act(id, "assign", "{}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("assignee"));
        assertThat(fx.historyLines(id)).isZero();
        mvc.perform(get("/api/portal/desk/officers").with(hueOfficer()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[*].username", hasItem("chuyenvien.hue")))
                .andExpect(jsonPath("$[*].username", not(hasItem("officer.vpcp"))));
    }

    @Test
    void refusingAndStoppingNeedAReasonAndEndProcessing() throws Exception {
        UUID refused = fx.submitted(FREE, HUE, OWNER);
        fx.act(refused, "refuse", "{}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("reason"));
        fx.act(refused, "refuse", "{\"reason\":\"Không thuộc thẩm quyền giải quyết\"}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value(3))
                .andExpect(jsonPath("$.completedAt").isNotEmpty());
        assertThat(dossiers.historyOf(refused).getFirst().note()).isEqualTo("Không thuộc thẩm quyền giải quyết");
        fx.act(refused, "receive", null).andExpect(status().isConflict());

        UUID stopped = fx.submitted(FREE, HUE, OWNER);
        fx.act(stopped, "stop", "{\"reason\":\"x\"}").andExpect(status().isConflict());
        fx.act(stopped, "receive", null).andExpect(status().isOk());
        fx.act(stopped, "stop", "{\"reason\":\"Theo yêu cầu của cơ quan điều tra\"}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value(8));
    }

    @Test
    void theCitizenWithdrawsOnlyTheirOwnDossierAndOnlyBeforeItIsDone() throws Exception {
        UUID id = fx.submitted(FREE, HUE, OWNER);
        mvc.perform(post("/api/portal/dossiers/{id}/withdraw", id).with(TestTokens.citizen("001099099999")))
                .andExpect(status().isNotFound());
        mvc.perform(post("/api/portal/dossiers/{id}/withdraw", id)
                        .with(TestTokens.citizen(OWNER))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"note\":\"Tôi không còn nhu cầu\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value(7));
        assertThat(dossiers.historyOf(id).getFirst().actor()).isEqualTo(OWNER);

        UUID done = fx.submitted(FREE, HUE, OWNER);
        fx.act(done, "receive", null).andExpect(status().isOk());
        fx.act(done, "process", null).andExpect(status().isOk());
        fx.act(done, "complete", "{\"decision\":\"Chấp thuận\"}").andExpect(status().isOk());
        mvc.perform(post("/api/portal/dossiers/{id}/withdraw", done).with(TestTokens.citizen(OWNER)))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.currentStatus").value(9))
                .andExpect(jsonPath("$.allowedActions").isEmpty());
        assertThat(fx.status(done)).isEqualTo(9);
    }

    @Test
    void aSupplementRequestListsEverythingMissingAndTheClockRestartsWhenTheCitizenCompletesIt() throws Exception {
        UUID id = fx.submitted(FREE, HUE, OWNER);
        fx.act(id, "receive", null).andExpect(status().isOk());
        // the dossier was received a week ago: its due date is close
        jdbc.sql("update dossier set received_at = ?, due_date = ? where id = ?")
                .params(
                        java.sql.Timestamp.from(Instant.now().minusSeconds(7 * 86400)),
                        LocalDate.now(VIETNAM).minusDays(1),
                        id)
                .update();
        fx.act(id, "process", null).andExpect(status().isOk());

        fx.act(id, "request-supplement", "{\"items\":[]}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("items"));
        fx.act(id, "request-supplement", """
                        {"note":"Bổ sung trong 10 ngày","items":[
                          {"code":"TP01","name":"Bản vẽ thiết kế","reason":"thiếu chữ ký"},
                          {"code":"TP03","name":"Giấy tờ về quyền sử dụng đất","reason":"bản chụp mờ"}]}""")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value(5));
        fx.act(id, "request-supplement", "{\"items\":[{\"code\":\"TP04\",\"name\":\"x\"}]}")
                .andExpect(status().isConflict());

        mvc.perform(get("/api/portal/dossiers/{id}/supplement-request", id).with(TestTokens.citizen(OWNER)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[*].code", hasItem("TP03")));
        mvc.perform(post("/api/portal/dossiers/{id}/supplement", id)
                        .with(TestTokens.citizen(OWNER))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"supplied\":[\"TP01\"]}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("supplied"))
                .andExpect(jsonPath("$.errors[0].reason", containsString("TP03")));
        mvc.perform(post("/api/portal/dossiers/{id}/supplement", id)
                        .with(TestTokens.citizen("001099099999"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"supplied\":[\"TP01\",\"TP03\"]}"))
                .andExpect(status().isNotFound());
        assertThat(fx.status(id)).isEqualTo(5);

        String body = mvc.perform(post("/api/portal/dossiers/{id}/supplement", id)
                        .with(TestTokens.citizen(OWNER))
                        .header("If-Match", "\"" + fx.version(id) + "\"")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"supplied\":[\"TP01\",\"TP03\"],\"note\":\"Đã bổ sung\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value(2))
                .andReturn()
                .getResponse()
                .getContentAsString();
        Instant restartedAt = Instant.parse(JsonPath.read(body, "$.receivedAt"));
        LocalDate newDue = LocalDate.parse(JsonPath.read(body, "$.dueDate"));
        assertThat(restartedAt).isAfter(Instant.now().minusSeconds(60));
        assertThat(newDue)
                .isAfter(LocalDate.now(VIETNAM))
                .isEqualTo(calendar.deadline(LocalDateTime.ofInstant(restartedAt, VIETNAM), 5)
                        .dueDate());
        Dossiers.HistoryLine last = dossiers.historyOf(id).getLast();
        assertThat(last.action()).isEqualTo("SUPPLEMENT");
        assertThat(last.actor()).isEqualTo(OWNER);
        assertThat(last.details().get("previousDueDate").asString())
                .isEqualTo(LocalDate.now(VIETNAM).minusDays(1).toString());
        mvc.perform(get("/api/portal/dossiers/{id}/supplement-request", id).with(TestTokens.citizen(OWNER)))
                .andExpect(status().isNotFound());
    }
}
