package vn.egov.portal.filing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static vn.egov.portal.filing.FilingFixtures.BIRTH;
import static vn.egov.portal.filing.FilingFixtures.PDF;

import com.jayway.jsonpath.JsonPath;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import vn.egov.platform.calendar.WorkingDayCalendar;
import vn.egov.platform.events.EventSchemas;
import vn.egov.platform.testing.TestTokens;
import vn.egov.portal.dossier.DossierEvents;
import vn.egov.portal.testing.PortalIntegrationTest;

/**
 * A citizen files a birth registration end to end: draft, form, the birth certificate as a PDF, submission with
 * an Idempotency-Key, the receipt with its appointment date, the e-mail, the own list, the history, and the
 * public lookup by code and ID number.
 */
class FilingIT extends PortalIntegrationTest {

    static final String PID = "046198001234";
    static final MailTesting MAIL = new MailTesting().start();
    static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

    @DynamicPropertySource
    static void mail(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", MAIL::port);
        registry.add("egov.portal.mail.poll", () -> "200ms");
    }

    @AfterAll
    static void stopMail() {
        MAIL.stop();
    }

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    WorkingDayCalendar calendar;

    @Test
    void aCitizenFilesABirthRegistrationAndGetsAReceiptAnEmailAndAPublicStatus() throws Exception {
        String email = "binh.tran@example.vn";
        String id = FilingFixtures.start(mvc, PID, BIRTH, null);
        mvc.perform(get("/api/portal/dossiers/" + id).with(TestTokens.citizen(PID)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.dossier.statusLabel").value("Bản nháp"))
                .andExpect(jsonPath("$.dossier.form.nguoiNopHoSo.soDinhDanh").value(PID));
        FilingFixtures.save(mvc, PID, id, FilingFixtures.birthForm(PID, email)).andExpect(status().isOk());
        FilingFixtures.attach(mvc, PID, id, "TP02", "giay-chung-sinh.pdf", PDF)
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.contentType").value("application/pdf"))
                .andExpect(jsonPath("$.size").value(PDF.length))
                .andExpect(jsonPath("$.sha256").value(sha256(PDF)));

        String key = FilingFixtures.newKey();
        String receipt = FilingFixtures.submit(mvc, PID, id, key)
                .andExpect(status().isCreated())
                .andExpect(header().string("Idempotent-Replayed", "false"))
                .andExpect(jsonPath("$.title").value("Giấy tiếp nhận hồ sơ và hẹn trả kết quả"))
                .andExpect(jsonPath("$.dossierCode", matchesPattern("000\\.00\\.00\\.H57-\\d{6}-\\d{4}")))
                .andExpect(jsonPath("$.documents", hasSize(1)))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        String code = JsonPath.read(receipt, "$.dossierCode");
        Instant submittedAt = Instant.parse(JsonPath.read(receipt, "$.submittedAt"));
        LocalDate appointment = LocalDate.parse(JsonPath.read(receipt, "$.appointmentDate"));
        LocalDateTime local = LocalDateTime.ofInstant(submittedAt, VIETNAM);
        assertThat(code)
                .contains("-" + local.toLocalDate().toString().substring(2).replace("-", "") + "-");
        assertThat(appointment).isEqualTo(calendar.deadline(local, 1).dueDate());
        assertThat(appointment).isAfter(local.toLocalDate());
        assertThat(calendar.isWorkingDay(appointment)).isTrue();

        // the same request again: the same receipt, no second dossier, no second event
        String again = FilingFixtures.submit(mvc, PID, id, key)
                .andExpect(status().isCreated())
                .andExpect(header().string("Idempotent-Replayed", "true"))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(JsonPath.<String>read(again, "$.dossierCode")).isEqualTo(code);
        assertThat(JsonPath.<String>read(again, "$.appointmentDate")).isEqualTo(appointment.toString());
        assertThat(jdbc.sql("select count(*) from dossier where applicant_pid = ?")
                        .param(PID)
                        .query(Integer.class)
                        .single())
                .isEqualTo(1);
        List<String> events = jdbc.sql("select data::text from outbox_event where subject = ? and type = ?")
                .params(id, DossierEvents.STATUS_CHANGED)
                .query(String.class)
                .list();
        assertThat(events).hasSize(1);
        assertThat(new EventSchemas().problems(DossierEvents.STATUS_CHANGED, events.get(0)))
                .isEmpty();

        // own list and detail with history
        mvc.perform(get("/api/portal/dossiers").with(TestTokens.citizen(PID)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(1))
                .andExpect(jsonPath("$.items[0].code").value(code))
                .andExpect(jsonPath("$.items[0].statusLabel").value("Mới tiếp nhận"));
        mvc.perform(get("/api/portal/dossiers/" + id).with(TestTokens.citizen(PID)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.dossier.status").value(1))
                .andExpect(jsonPath("$.dossier.appointmentDate").value(appointment.toString()))
                .andExpect(jsonPath("$.history[0].action").value("SUBMIT"))
                .andExpect(jsonPath("$.history[0].toStatus").value(1))
                .andExpect(jsonPath("$.history[0].actor").value(PID))
                .andExpect(jsonPath("$.receipt.dossierCode").value(code))
                .andExpect(jsonPath("$.attachments[0].fileName").value("giay-chung-sinh.pdf"));

        // the citizen is told by e-mail, once, in Vietnamese
        await().atMost(Duration.ofSeconds(60)).until(() -> !MAIL.to(email).isEmpty());
        MimeMessage mail = MAIL.to(email).get(0);
        assertThat(MailTesting.subject(mail)).isEqualTo("[Dịch vụ công] Đã nhận hồ sơ " + code);
        assertThat(MailTesting.body(mail))
                .contains("Kính gửi Trần Thị Bình")
                .contains("Đăng ký khai sinh")
                .contains("Ngày hẹn trả kết quả dự kiến: "
                        + appointment.format(java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy")));
        Thread.sleep(1000);
        assertThat(MAIL.to(email)).hasSize(1);

        // anyone can look the status up with the code and the applicant's number, without a token
        mvc.perform(get("/api/portal/tracking").param("code", code).param("pid", PID))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.code").value(code))
                .andExpect(jsonPath("$.procedureName").value("Đăng ký khai sinh"))
                .andExpect(jsonPath("$.statusLabel").value("Mới tiếp nhận"))
                .andExpect(jsonPath("$.appointmentDate").value(appointment.toString()))
                .andExpect(jsonPath("$.form").doesNotExist())
                .andExpect(jsonPath("$.applicantName").doesNotExist());
        String wrongPid = mvc.perform(
                        get("/api/portal/tracking").param("code", code).param("pid", "046198009999"))
                .andExpect(status().isNotFound())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        String unknownCode = mvc.perform(get("/api/portal/tracking")
                        .param("code", "000.00.00.H57-990101-0001")
                        .param("pid", PID))
                .andExpect(status().isNotFound())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(wrongPid.replace("instance", "")).isEqualTo(unknownCode.replace("instance", ""));
    }

    @Test
    void theCatalogueIsPublicAndFiltered() throws Exception {
        mvc.perform(get("/api/portal/procedures").param("size", "100"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(org.hamcrest.Matchers.greaterThanOrEqualTo(10)));
        mvc.perform(get("/api/portal/procedures").param("agency", "000.00.00.G22"))
                .andExpect(status().isOk())
                .andExpect(jsonPath(
                        "$.items[*].agencyCode",
                        org.hamcrest.Matchers.everyItem(org.hamcrest.Matchers.is("000.00.00.G22"))))
                .andExpect(jsonPath("$.total").value(2));
        mvc.perform(get("/api/portal/procedures").param("level", "3").param("field", "HT"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[0].code").value("1.000894"))
                .andExpect(jsonPath("$.total").value(1));
        mvc.perform(get("/api/portal/procedures").param("size", "2").param("page", "1"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items", hasSize(2)))
                .andExpect(jsonPath("$.page").value(1));
        mvc.perform(get("/api/portal/procedures/" + BIRTH))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.name").value("Đăng ký khai sinh"))
                .andExpect(jsonPath("$.agencyCode").value("000.00.00.H57"))
                .andExpect(jsonPath("$.levelLabel").value("Mức độ 4 — toàn trình"))
                .andExpect(jsonPath("$.formSchema.$schema").value("https://json-schema.org/draft/2020-12/schema"))
                .andExpect(jsonPath("$.formSchema.properties.treEm.title").value("Thông tin người được khai sinh"))
                .andExpect(jsonPath("$.documents[1].code").value("TP02"))
                .andExpect(jsonPath("$.steps[0].role").value("officer"));
        mvc.perform(get("/api/portal/procedures/9.999999"))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.code").value("procedure-not-found"));
        mvc.perform(get("/api/portal/procedures").param("level", "5"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("level"));
    }

    static String sha256(byte[] content) throws Exception {
        return java.util.HexFormat.of()
                .formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(content));
    }
}
