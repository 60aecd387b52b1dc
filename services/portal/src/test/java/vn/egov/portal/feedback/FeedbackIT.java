package vn.egov.portal.feedback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import vn.egov.platform.testing.TestTokens;
import vn.egov.portal.testing.PortalIntegrationTest;

/**
 * Phản ánh, kiến nghị: citizens submit (about a dossier or to an agency); only the competent agency's officers answer
 * and publish; the published list carries no personal data.
 */
class FeedbackIT extends PortalIntegrationTest {

    static final String HUE = "000.00.40.H57";
    static final String HA_NOI = "000.00.40.H01";
    static final String CITIZEN = "046099077777";

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void catalogue() {
        procedure("9.400001", HUE, "UBND phường Thuận Hóa");
        procedure("9.400002", HA_NOI, "UBND phường Hoàn Kiếm");
    }

    @Test
    void aCitizensFeedbackAboutADossierGoesToItsAgencyWhoseOfficerAnswersAndPublishes() throws Exception {
        UUID dossier = dossier(HUE, CITIZEN);
        String created = submit(
                        TestTokens.citizen(CITIZEN),
                        "{\"kind\":\"FEEDBACK\",\"dossierId\":\"" + dossier + "\",\"title\":\"Hồ sơ trễ hẹn\","
                                + "\"content\":\"Tôi là Trần Thị Bình, CCCD " + CITIZEN
                                + ", hồ sơ đã quá hẹn 3 ngày chưa có kết quả.\"}")
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.agencyCode").value(HUE))
                .andExpect(jsonPath("$.status").value("RECEIVED"))
                .andExpect(jsonPath("$.code").value(org.hamcrest.Matchers.matchesPattern("PAKN-\\d{4}-\\d{6}")))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        String id = JsonPath.read(created, "$.id");
        mvc.perform(get("/api/portal/feedback/mine").with(TestTokens.citizen(CITIZEN)))
                .andExpect(jsonPath("$[?(@.id == '" + id + "')].title").value("Hồ sơ trễ hẹn"));

        // the competent agency sees it; another agency neither sees nor answers it
        mvc.perform(get("/api/portal/feedback").param("status", "RECEIVED").with(officer(HUE)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.id == '" + id + "')].kind").value("FEEDBACK"));
        mvc.perform(get("/api/portal/feedback").with(officer(HA_NOI)))
                .andExpect(jsonPath("$[?(@.id == '" + id + "')]").isEmpty());
        mvc.perform(get("/api/portal/feedback/{id}", id).with(officer(HA_NOI))).andExpect(status().isNotFound());
        answer(officer(HA_NOI), id, "{\"answer\":\"Chúng tôi đã xử lý.\",\"publish\":true}")
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.code").value("not-your-agency"));
        answer(TestTokens.citizen(CITIZEN), id, "{\"answer\":\"Tự trả lời\"}").andExpect(status().isForbidden());
        mvc.perform(get("/api/portal/feedback/{id}", id).with(TestTokens.citizen(CITIZEN)))
                .andExpect(jsonPath("$.status").value("RECEIVED"))
                .andExpect(jsonPath("$.answer").doesNotExist());

        answer(
                        officer(HUE),
                        id,
                        "{\"answer\":\"Hồ sơ cần lấy ý kiến Sở Xây dựng; đã có phiếu xin lỗi và hẹn lại ngày 05/12.\","
                                + "\"publish\":true,\"publicQuestion\":\"Hồ sơ cấp phép xây dựng quá hẹn 3 ngày chưa có"
                                + " kết quả.\"}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("ANSWERED"))
                .andExpect(jsonPath("$.published").value(true));
        answer(officer(HUE), id, "{\"answer\":\"Lần hai\"}")
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("already-answered"));
        mvc.perform(get("/api/portal/feedback/{id}", id).with(TestTokens.citizen(CITIZEN)))
                .andExpect(jsonPath("$.answer").value(org.hamcrest.Matchers.startsWith("Hồ sơ cần lấy ý kiến")));

        String published = mvc.perform(get("/api/portal/feedback/published").param("agencyCode", HUE))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].title").value("Hồ sơ trễ hẹn"))
                .andExpect(jsonPath("$[0].agencyName").value("UBND phường Thuận Hóa"))
                .andExpect(jsonPath("$[0].question").value("Hồ sơ cấp phép xây dựng quá hẹn 3 ngày chưa có kết quả."))
                .andExpect(jsonPath("$[0].answer").value(org.hamcrest.Matchers.startsWith("Hồ sơ cần lấy ý kiến")))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(published).doesNotContain(CITIZEN, "Trần Thị Bình", dossier.toString(), id, "officer");
    }

    @Test
    void anAnswerIsPublishedOnlyWhenTheAgencyChooses() throws Exception {
        String id = JsonPath.read(
                submit(
                                TestTokens.citizen(CITIZEN),
                                "{\"kind\":\"PETITION\",\"agencyCode\":\"" + HA_NOI + "\",\"title\":\"Kéo dài giờ"
                                        + " làm việc\",\"content\":\"Đề nghị bộ phận một cửa làm việc sáng thứ Bảy.\"}")
                        .andExpect(status().isCreated())
                        .andReturn()
                        .getResponse()
                        .getContentAsString(StandardCharsets.UTF_8),
                "$.id");
        mvc.perform(post("/api/portal/feedback/{id}/publication", id).with(officer(HA_NOI)))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("not-answered"));
        answer(officer(HA_NOI), id, "{\"answer\":\"Từ tháng 1/2027 bộ phận một cửa tiếp nhận sáng thứ Bảy.\"}")
                .andExpect(jsonPath("$.published").value(false));
        mvc.perform(get("/api/portal/feedback/published").param("agencyCode", HA_NOI))
                .andExpect(jsonPath("$.length()").value(0));

        mvc.perform(post("/api/portal/feedback/{id}/publication", id).with(officer(HUE)))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/portal/feedback/{id}/publication", id).with(officer(HA_NOI)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.published").value(true));
        mvc.perform(get("/api/portal/feedback/published").param("agencyCode", HA_NOI))
                .andExpect(jsonPath("$.length()").value(1))
                .andExpect(jsonPath("$[0].kind").value("PETITION"))
                .andExpect(jsonPath("$[0].question").value("Đề nghị bộ phận một cửa làm việc sáng thứ Bảy."));
    }

    @Test
    void badSubmissionsAreRefusedFieldByFieldAndNothingIsStored() throws Exception {
        int before = count();
        submit(TestTokens.citizen(CITIZEN), "{\"kind\":\"FEEDBACK\",\"agencyCode\":\"" + HUE + "\",\"content\":\"x\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("title"));
        submit(
                        TestTokens.citizen(CITIZEN),
                        "{\"kind\":\"KHIEU_NAI\",\"agencyCode\":\"" + HUE + "\",\"title\":\"a\",\"content\":\"b\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("kind"));
        submit(TestTokens.citizen(CITIZEN), "{\"kind\":\"FEEDBACK\",\"title\":\"a\",\"content\":\"b\"}")
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("agencyCode"));
        submit(
                        TestTokens.citizen(CITIZEN),
                        "{\"kind\":\"FEEDBACK\",\"agencyCode\":\"000.00.00.Z99\","
                                + "\"title\":\"a\",\"content\":\"b\"}")
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("unknown-agency"));
        submit(
                        TestTokens.citizen(CITIZEN),
                        "{\"kind\":\"FEEDBACK\",\"dossierId\":\"" + dossier(HUE, "046099000000")
                                + "\",\"title\":\"a\",\"content\":\"b\"}")
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.errors[0].field").value("dossierId"));
        submit(officer(HUE), "{\"kind\":\"FEEDBACK\",\"agencyCode\":\"" + HUE + "\",\"title\":\"a\",\"content\":\"b\"}")
                .andExpect(status().isForbidden());
        assertThat(count()).isEqualTo(before);
        mvc.perform(get("/api/portal/feedback").with(TestTokens.citizen(CITIZEN)))
                .andExpect(status().isForbidden());
    }

    private ResultActions submit(RequestPostProcessor who, String body) throws Exception {
        return mvc.perform(post("/api/portal/feedback")
                .with(who)
                .contentType(MediaType.APPLICATION_JSON)
                .content(body));
    }

    private ResultActions answer(RequestPostProcessor who, String id, String body) throws Exception {
        return mvc.perform(post("/api/portal/feedback/{id}/answer", id)
                .with(who)
                .contentType(MediaType.APPLICATION_JSON)
                .content(body));
    }

    private static RequestPostProcessor officer(String agency) {
        return TestTokens.staff("officer." + agency.substring(agency.length() - 3), agency, "officer");
    }

    private int count() {
        return jdbc.sql("select count(*) from feedback").query(Integer.class).single();
    }

    private void procedure(String code, String agency, String agencyName) {
        jdbc.sql("""
                        insert into procedure (code, name, field_code, field_name, agency_code, agency_name, level,
                          fully_online, time_limit_days, form_schema)
                        values (?, 'Thủ tục thử', 'LV-01', 'Lĩnh vực thử', ?, ?, 4, true, 3, '{"type":"object"}')
                        on conflict do nothing""").params(code, agency, agencyName).update();
    }

    private UUID dossier(String agency, String owner) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                        insert into dossier (id, code, procedure_code, agency_code, applicant_pid, status, created_at,
                          updated_at, submitted_at)
                        values (?, ?, '9.400001', ?, ?, 4, now(), now(), now())""")
                .params(id, agency + "-261127-" + (int) (Math.random() * 9000 + 1000), agency, owner)
                .update();
        return id;
    }
}
