package vn.egov.interchange.status;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.everyItem;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static vn.egov.interchange.testing.SamplePackages.aPackage;

import com.jayway.jsonpath.JsonPath;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import vn.egov.interchange.edxml.EdxmlPackage.Organisation;
import vn.egov.interchange.edxml.EdxmlPackage.ResponseFor;
import vn.egov.interchange.edxml.StatusPackage;
import vn.egov.interchange.testing.InterchangeIT;
import vn.egov.interchange.testing.Signer;
import vn.egov.interchange.testing.Tokens;

/** The sender's timeline names the lateness rules a delivery breaks, with deadlines in working time. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LatenessIT extends InterchangeIT {

    static final String VPCP = "000.00.00.G22";
    static final String HUE = "000.00.00.H57";
    static final String MOF = "000.00.00.G12";

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcTemplate jdbc;

    Signer vpcp;
    Signer hue;

    @BeforeAll
    void certificates() throws Exception {
        vpcp = Signer.issue(mvc, VPCP);
        hue = Signer.issue(mvc, HUE);
    }

    @Test
    void aDocumentSentOnFridayAfternoonIsDueOnMondayMorningAndTheFlagSaysSo() throws Exception {
        String json = mvc.perform(post("/api/interchange/packages")
                        .with(Tokens.integratorOf(VPCP))
                        .contentType(MediaType.APPLICATION_XML)
                        .content(vpcp.sign(aPackage().number("601").to(HUE, MOF).build())))
                .andExpect(status().isAccepted())
                .andReturn()
                .getResponse()
                .getContentAsString();
        String id = JsonPath.read(json, "$.id");
        // the axis accepted it on Friday 20/11/2026 at 16:00 Vietnam time (09:00 UTC)
        jdbc.update(
                "UPDATE delivery SET created_at = ? WHERE document_id = ?",
                Timestamp.from(Instant.parse("2026-11-20T09:00:00Z")),
                UUID.fromString(id));
        // Huế answers 03 (now, after Monday 10:00); the Ministry of Finance does not answer at all
        String documentId = "000.00.00.G22,2026/03/02,601/VPCP-TTĐT";
        mvc.perform(post("/api/interchange/statuses")
                        .with(Tokens.integratorOf(HUE))
                        .contentType(MediaType.APPLICATION_XML)
                        .content(hue.sign(new StatusPackage(
                                new ResponseFor(VPCP, "601/VPCP-TTĐT", LocalDate.of(2026, 3, 2), documentId),
                                Organisation.of(HUE, "Cơ quan " + HUE),
                                "03",
                                "Đã tiếp nhận",
                                LocalDateTime.of(2026, 3, 2, 9, 0, 0),
                                null))))
                .andExpect(status().isAccepted());

        String hueFlags = "$.recipients[?(@.recipient=='" + HUE + "')].lateFlags[?(@.rule=='%s')].%s";
        String mofFlags = "$.recipients[?(@.recipient=='" + MOF + "')].lateFlags[?(@.rule=='%s')].%s";
        mvc.perform(get("/api/interchange/packages/" + id + "/timeline").with(Tokens.clerkOf(VPCP)))
                .andExpect(status().isOk())
                // the recipient's system did not take it within 4 h: a plain duration, Friday 20:00
                .andExpect(jsonPath(mofFlags.formatted("delivered-within-4h", "deadline"))
                        .value(contains("2026-11-20T13:00:00Z")))
                // the answer was due at 10:00 on Monday 23/11, the next working day
                .andExpect(jsonPath(mofFlags.formatted("answered-by-next-working-morning", "deadline"))
                        .value(contains("2026-11-23T03:00:00Z")))
                .andExpect(jsonPath(mofFlags.formatted("answered-by-next-working-morning", "doneAt"))
                        .value(contains((Object) null)))
                .andExpect(jsonPath(mofFlags.formatted("answered-by-next-working-morning", "message"))
                        .value(contains("Chưa có trạng thái 03 (đã tiếp nhận) hoặc 02 (từ chối) trước 10:00 ngày làm"
                                + " việc tiếp theo (quy tắc answered-by-next-working-morning, hạn 10:00"
                                + " 23/11/2026).")))
                .andExpect(jsonPath("$.recipients[?(@.recipient=='" + MOF + "')].late[*]")
                        .value(everyItem(containsString("quy tắc"))))
                // Huế answered, but late: the flag keeps when
                .andExpect(jsonPath(hueFlags.formatted("answered-by-next-working-morning", "doneAt"))
                        .value(contains(org.hamcrest.Matchers.notNullValue())))
                .andExpect(jsonPath(hueFlags.formatted("answered-by-next-working-morning", "message"))
                        .value(contains(containsString("Có trạng thái 03 (đã tiếp nhận) hoặc 02 (từ chối) lúc"))));

        // a recalled delivery is never late
        jdbc.update("UPDATE delivery SET state = 'RECALLED' WHERE document_id = ?", UUID.fromString(id));
        mvc.perform(get("/api/interchange/packages/" + id + "/timeline").with(Tokens.clerkOf(VPCP)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.recipients[*].lateFlags[*]").value(empty()));
    }
}
