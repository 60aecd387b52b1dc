package vn.egov.interchange.status;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static vn.egov.interchange.testing.SamplePackages.aPackage;

import com.jayway.jsonpath.JsonPath;
import java.time.LocalDate;
import java.time.LocalDateTime;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import vn.egov.interchange.edxml.EdxmlPackage.Organisation;
import vn.egov.interchange.edxml.EdxmlPackage.ResponseFor;
import vn.egov.interchange.edxml.StatusPackage;
import vn.egov.interchange.events.DocumentEvents;
import vn.egov.interchange.testing.InterchangeIT;
import vn.egov.interchange.testing.Signer;
import vn.egov.interchange.testing.Tokens;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StatusIT extends InterchangeIT {

    static final String VPCP = "000.00.00.G22";
    static final String HUE = "000.00.00.H57";
    static final String MOF = "000.00.00.G12";

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcTemplate jdbc;

    Signer vpcp;
    Signer hue;
    Signer mof;

    @BeforeAll
    void certificates() throws Exception {
        vpcp = Signer.issue(mvc, VPCP);
        hue = Signer.issue(mvc, HUE);
        mof = Signer.issue(mvc, MOF);
    }

    String send(String number) throws Exception {
        String json = mvc.perform(post("/api/interchange/packages")
                        .with(Tokens.integratorOf(VPCP))
                        .contentType(MediaType.APPLICATION_XML)
                        .content(
                                vpcp.sign(aPackage().number(number).to(HUE, MOF).build())))
                .andExpect(status().isAccepted())
                .andReturn()
                .getResponse()
                .getContentAsString();
        return JsonPath.read(json, "$.id");
    }

    static String documentId(String number) {
        return "000.00.00.G22,2026/03/02," + number + "/VPCP-TTĐT";
    }

    StatusPackage statusOf(String number, String from, String code, int minute) {
        return new StatusPackage(
                new ResponseFor(VPCP, number + "/VPCP-TTĐT", LocalDate.of(2026, 3, 2), documentId(number)),
                Organisation.of(from, "Cơ quan " + from),
                code,
                "Trạng thái " + code,
                LocalDateTime.of(2026, 3, 2, 9, minute, 0),
                null);
    }

    ResultActions report(byte[] body, RequestPostProcessor token) throws Exception {
        return mvc.perform(post("/api/interchange/statuses")
                .with(token)
                .contentType(MediaType.APPLICATION_XML)
                .content(body));
    }

    @Test
    void recipientsReportTheirProgressAndTheSenderSeesItPerRecipient() throws Exception {
        String id = send("501");
        report(hue.sign(statusOf("501", HUE, "01", 0)), Tokens.integratorOf(HUE))
                .andExpect(status().isAccepted());
        report(hue.sign(statusOf("501", HUE, "03", 5)), Tokens.integratorOf(HUE))
                .andExpect(status().isAccepted());
        byte[] completed = hue.sign(statusOf("501", HUE, "06", 30));
        report(completed, Tokens.clerkOf(HUE))
                .andExpect(status().isAccepted())
                .andExpect(jsonPath("$.recipients[0]").value(HUE));
        report(completed, Tokens.clerkOf(HUE)) // the same status package again
                .andExpect(status().isAccepted())
                .andExpect(jsonPath("$.duplicate").value(true));
        report(mof.sign(statusOf("501", MOF, "02", 10)), Tokens.clerkOf(MOF)).andExpect(status().isAccepted());

        mvc.perform(get("/api/interchange/packages/" + id + "/timeline").with(Tokens.clerkOf(VPCP)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.documentId").value(documentId("501")))
                .andExpect(jsonPath("$.recipients[?(@.recipient=='000.00.00.H57')].statusCode")
                        .value("06"))
                .andExpect(
                        jsonPath("$.recipients[?(@.recipient=='000.00.00.H57')].events[?(@.kind=='STATUS')].statusCode")
                                .value(org.hamcrest.Matchers.contains("01", "03", "06")))
                .andExpect(jsonPath("$.recipients[?(@.recipient=='000.00.00.G12')].statusMeaning")
                        .value("từ chối tiếp nhận"));
        assertThat(jdbc.queryForObject(
                        "SELECT count(*) FROM outbox_event WHERE subject = ? AND type = ?",
                        Integer.class,
                        id,
                        DocumentEvents.STATUS_CHANGED))
                .isEqualTo(4);
        // only the sender (and auditors/admins) see the timeline
        mvc.perform(get("/api/interchange/packages/" + id + "/timeline").with(Tokens.clerkOf(HUE)))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/interchange/packages/" + id + "/timeline").with(Tokens.admin()))
                .andExpect(status().isOk());
    }

    @Test
    void invalidTransitionsAreRefusedAndNothingChanges() throws Exception {
        send("502");
        report(hue.sign(statusOf("502", HUE, "01", 0)), Tokens.clerkOf(HUE)).andExpect(status().isAccepted());
        report(hue.sign(statusOf("502", HUE, "06", 1)), Tokens.clerkOf(HUE))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("invalid-status-transition"))
                .andExpect(jsonPath("$.detail", containsString("cần 03")));
        assertThat(jdbc.queryForObject(
                        "SELECT l.status_code FROM delivery l JOIN document d ON d.id = l.document_id"
                                + " WHERE d.document_id = ? AND l.recipient_code = ?",
                        String.class,
                        documentId("502"),
                        HUE))
                .isEqualTo("01");
        assertThat(jdbc.queryForObject(
                        "SELECT count(*) FROM refused_attempt WHERE problem_code = 'invalid-status-transition'",
                        Integer.class))
                .isOne();
    }

    @Test
    void onlyTheOriginalSenderRecallsAndRecipientsAnswer() throws Exception {
        String id = send("503");
        report(hue.sign(statusOf("503", HUE, "13", 0)), Tokens.clerkOf(HUE))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.code").value("not-original-sender"));
        report(vpcp.sign(statusOf("503", VPCP, "13", 1)), Tokens.clerkOf(VPCP))
                .andExpect(status().isAccepted())
                .andExpect(jsonPath("$.recipients.length()").value(2));
        report(hue.sign(statusOf("503", HUE, "15", 2)), Tokens.clerkOf(HUE)).andExpect(status().isAccepted());
        report(mof.sign(statusOf("503", MOF, "16", 3)), Tokens.clerkOf(MOF)).andExpect(status().isAccepted());
        report(hue.sign(statusOf("503", HUE, "03", 4)), Tokens.clerkOf(HUE))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail", containsString("thu hồi")));

        mvc.perform(get("/api/interchange/packages/" + id + "/timeline").with(Tokens.clerkOf(VPCP)))
                .andExpect(jsonPath("$.recipients[?(@.recipient=='000.00.00.H57')].state")
                        .value("RECALLED"))
                .andExpect(jsonPath("$.recipients[?(@.recipient=='000.00.00.G12')].state")
                        .value("PENDING"));
        assertThat(jdbc.queryForObject(
                        "SELECT count(*) FROM outbox_event WHERE subject = ? AND type = ?",
                        Integer.class,
                        id,
                        DocumentEvents.RECALLED))
                .isOne();
        // a recalled delivery leaves the recipient's inbox
        String inbox = mvc.perform(get("/api/interchange/inbox").with(Tokens.clerkOf(HUE)))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(inbox).doesNotContain(documentId("503"));
    }

    @Test
    void strangersAndSpoofersCannotReport() throws Exception {
        send("504");
        report(vpcp.sign(statusOf("504", VPCP, "01", 0)), Tokens.clerkOf(VPCP))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.code").value("not-a-recipient"));
        report(hue.sign(statusOf("504", HUE, "01", 0)), Tokens.clerkOf(MOF))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.code").value("sender-mismatch"));
        report(hue.sign(statusOf("999", HUE, "01", 0)), Tokens.clerkOf(HUE))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("unknown-document"));
        report(mof.sign(statusOf("504", HUE, "01", 0)), Tokens.clerkOf(HUE))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("certificate-mismatch"));
    }
}
