package vn.egov.portal.filing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItems;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static vn.egov.portal.filing.FilingFixtures.BIRTH;
import static vn.egov.portal.filing.FilingFixtures.PDF;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import vn.egov.platform.testing.TestTokens;
import vn.egov.portal.testing.PortalIntegrationTest;

/**
 * Bad input of citizens (and of callers who are not citizens): a precise problem+json 4xx naming the field,
 * nothing stored, no status change, no event, nothing queued for e-mail.
 */
@org.springframework.test.context.TestPropertySource(properties = "egov.portal.attachments.max-size=64KB")
class FilingBadInputIT extends PortalIntegrationTest {

    static final String PID = "046298004321";
    static final String OTHER = "079199007777";
    static final String NEWCOMER = "048199001111";

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Test
    void anUnknownOrMalformedProcedureIsRefused() throws Exception {
        mvc.perform(post("/api/portal/dossiers")
                        .with(TestTokens.citizen(NEWCOMER))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"procedureCode\":\"9.999999\"}"))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value("procedure-not-found"))
                .andExpect(jsonPath("$.title").value("Không tìm thấy thủ tục hành chính"));
        mvc.perform(post("/api/portal/dossiers")
                        .with(TestTokens.citizen(NEWCOMER))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"procedureCode\":\"khai-sinh\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("procedureCode"));
        assertThat(count("select count(*) from dossier where applicant_pid = ?", NEWCOMER))
                .isZero();
    }

    @Test
    void aFormThatBreaksTheSchemaNamesEachFieldInVietnameseAndChangesNothing() throws Exception {
        String id = FilingFixtures.start(mvc, PID, BIRTH, null);
        String form = """
                {"nguoiNopHoSo": {"hoTen": "Trần Thị Bình", "soDinhDanh": "046298004321", "email": "khong-phai-email"},
                 "quanHeVoiTre": "Mẹ",
                 "treEm": {"hoTen": "Nguyễn Minh Khang", "ngaySinh": "20/11/2026", "gioiTinh": "Khác",
                   "noiSinh": "Bệnh viện Trung ương Huế", "danToc": "Kinh"},
                 "thongTinLa": 1}""";
        FilingFixtures.save(mvc, PID, id, form).andExpect(status().isOk());
        FilingFixtures.submit(mvc, PID, id, FilingFixtures.newKey())
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("dossier-invalid"))
                .andExpect(jsonPath(
                        "$.errors[*].field",
                        hasItems(
                                "form.nguoiNopHoSo.email",
                                "form.treEm.ngaySinh",
                                "form.treEm.gioiTinh",
                                "form.me",
                                "form.thongTinLa",
                                "documents.TP02")))
                .andExpect(jsonPath("$.errors[?(@.field == 'form.nguoiNopHoSo.email')].reason")
                        .value("Thư điện tử nhận thông báo: không phải địa chỉ thư điện tử hợp lệ."))
                .andExpect(jsonPath("$.errors[?(@.field == 'form.treEm.gioiTinh')].reason")
                        .value("Giới tính: phải là một trong các giá trị: Nam, Nữ."))
                .andExpect(jsonPath("$.errors[?(@.field == 'form.me')].reason")
                        .value("Thông tin người mẹ: bắt buộc nhập."))
                .andExpect(jsonPath("$.errors[?(@.field == 'documents.TP02')].reason")
                        .value("Thiếu thành phần hồ sơ bắt buộc: Giấy chứng sinh (bản chụp hoặc bản điện tử)."));
        assertNothingHappened(id);
    }

    @Test
    void aForbiddenOrOversizedFileIsRefusedWithTheField() throws Exception {
        String id = FilingFixtures.start(mvc, PID, BIRTH, null);
        byte[] executable = "MZ\u0090\u0000 this is not a PDF".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        FilingFixtures.attach(mvc, PID, id, "TP02", "giay-chung-sinh.pdf", executable)
                .andExpect(status().isUnsupportedMediaType())
                .andExpect(jsonPath("$.code").value("unsupported-file-type"))
                .andExpect(jsonPath("$.errors[0].field").value("file"))
                .andExpect(jsonPath("$.errors[0].reason", containsString("PDF, JPEG hoặc PNG")));
        byte[] big = Arrays.copyOf(PDF, 65 * 1024);
        FilingFixtures.attach(mvc, PID, id, "TP02", "giay-chung-sinh.pdf", big)
                .andExpect(status().isContentTooLarge())
                .andExpect(jsonPath("$.code").value("file-too-large"))
                .andExpect(jsonPath("$.errors[0].field").value("file"));
        FilingFixtures.attach(mvc, PID, id, "TP99", "giay.pdf", PDF)
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("documentCode"));
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13};
        FilingFixtures.attach(mvc, PID, id, "TP02", "anh-chup.pdf", png)
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.contentType").value("image/png"));
        assertThat(count("select count(*) from attachment where dossier_id = ?::uuid", id))
                .isEqualTo(1);
        assertNothingHappened(id);
    }

    @Test
    void anotherCitizensDossierDoesNotExistForThem() throws Exception {
        String id = FilingFixtures.start(mvc, PID, BIRTH, null);
        mvc.perform(get("/api/portal/dossiers/" + id).with(TestTokens.citizen(OTHER)))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.code").value("dossier-not-found"));
        FilingFixtures.save(mvc, OTHER, id, "{}").andExpect(status().isNotFound());
        FilingFixtures.attach(mvc, OTHER, id, "TP02", "a.pdf", PDF).andExpect(status().isNotFound());
        FilingFixtures.submit(mvc, OTHER, id, null).andExpect(status().isNotFound());
        mvc.perform(get("/api/portal/dossiers/" + id + "/prefill").with(TestTokens.citizen(OTHER)))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/portal/dossiers").with(TestTokens.citizen(OTHER)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(0));
        assertThat(count("select count(*) from attachment where dossier_id = ?::uuid", id))
                .isZero();
        assertNothingHappened(id);
    }

    @Test
    void aSubmittedDossierCannotBeSubmittedOrEditedAgain() throws Exception {
        String id = FilingFixtures.start(mvc, PID, BIRTH, FilingFixtures.birthForm(PID, "b@example.vn"));
        FilingFixtures.attach(mvc, PID, id, "TP02", "gcs.pdf", PDF).andExpect(status().isCreated());
        String key = FilingFixtures.newKey();
        FilingFixtures.submit(mvc, PID, id, key).andExpect(status().isCreated());
        FilingFixtures.submit(mvc, PID, id, null)
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("already-submitted"));
        FilingFixtures.submit(mvc, PID, id, FilingFixtures.newKey())
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("already-submitted"));
        FilingFixtures.save(mvc, PID, id, "{}")
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("dossier-not-editable"));
        FilingFixtures.attach(mvc, PID, id, "TP02", "gcs2.pdf", PDF)
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("dossier-not-editable"));
        // the key of this submission used for another dossier
        String other = FilingFixtures.start(mvc, PID, BIRTH, FilingFixtures.birthForm(PID, "b@example.vn"));
        FilingFixtures.submit(mvc, PID, other, key)
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("idempotency-key-reused"))
                .andExpect(jsonPath("$.errors[0].field").value("Idempotency-Key"));
        assertThat(count("select count(*) from dossier_history where dossier_id = ?::uuid", id))
                .isEqualTo(1);
        assertThat(count("select count(*) from outbox_event where subject = ?", id))
                .isEqualTo(1);
        assertNothingHappened(other);
    }

    @Test
    void onlyCitizensReachTheFilingEndpoints() throws Exception {
        long before = count("select count(*) from dossier", null);
        mvc.perform(post("/api/portal/dossiers")
                        .with(TestTokens.integrator())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"procedureCode\":\"" + BIRTH + "\"}"))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.code").value("forbidden"));
        mvc.perform(get("/api/portal/dossiers").with(TestTokens.integrator())).andExpect(status().isForbidden());
        mvc.perform(get("/api/portal/dossiers").with(TestTokens.staff("officer.hue", "000.00.00.H57", "officer")))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/portal/dossiers")).andExpect(status().isUnauthorized());
        mvc.perform(get("/api/portal/dossiers")
                        .with(TestTokens.token("someone", "egov-web", null, null, "openid", "citizen")))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.code").value("no-pid-claim"));
        assertThat(count("select count(*) from dossier", null)).isEqualTo(before);
    }

    void assertNothingHappened(String id) {
        assertThat(count("select count(*) from dossier where id = ?::uuid and status is null and code is null", id))
                .isEqualTo(1);
        assertThat(count("select count(*) from outbox_event where subject = ?", id))
                .isZero();
        assertThat(count("select count(*) from mail_message where dossier_id = ?::uuid", id))
                .isZero();
        assertThat(count("select count(*) from receipt where dossier_id = ?::uuid", id))
                .isZero();
    }

    long count(String sql, String param) {
        var spec = jdbc.sql(sql);
        if (param != null) {
            spec = spec.param(param);
        }
        return spec.query(Long.class).single();
    }
}
