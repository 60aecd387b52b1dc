package vn.egov.portal.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import vn.egov.portal.filing.FilingFixtures;
import vn.egov.portal.filing.MailTesting;
import vn.egov.portal.testing.PortalIntegrationTest;

/**
 * SMTP down: the submission succeeds as usual, the e-mail waits in the mail outbox and is retried; once the
 * SMTP server is back it is delivered, once.
 */
class MailResilienceIT extends PortalIntegrationTest {

    static final String PID = "046198005555";
    static final MailTesting MAIL = new MailTesting(); // not started: the SMTP server is down

    @DynamicPropertySource
    static void mail(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", MAIL::port);
        registry.add("spring.mail.properties.mail.smtp.connectiontimeout", () -> "1000");
        registry.add("egov.portal.mail.poll", () -> "200ms");
        registry.add("egov.portal.mail.first-retry", () -> "500ms");
        registry.add("egov.portal.mail.max-retry", () -> "1s");
    }

    @AfterAll
    static void stopMail() {
        MAIL.stop();
    }

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aSubmissionDuringAnSmtpOutageIsMailedWhenSmtpIsBack() throws Exception {
        String email = "cuong.le@example.vn";
        String id = FilingFixtures.start(mvc, PID, FilingFixtures.BIRTH, FilingFixtures.birthForm(PID, email));
        FilingFixtures.attach(mvc, PID, id, "TP02", "gcs.pdf", FilingFixtures.PDF)
                .andExpect(status().isCreated());
        FilingFixtures.submit(mvc, PID, id, FilingFixtures.newKey()).andExpect(status().isCreated());

        await().atMost(Duration.ofSeconds(60)).until(() -> attempts(id) >= 2);
        Map<String, Object> pending = mail(id);
        assertThat(pending.get("status")).isEqualTo("PENDING");
        assertThat((String) pending.get("last_error")).isNotBlank();
        assertThat(pending.get("recipient")).isEqualTo(email);

        MAIL.start();
        await().atMost(Duration.ofSeconds(30)).until(() -> !MAIL.to(email).isEmpty());
        await().atMost(Duration.ofSeconds(10)).until(() -> "SENT".equals(mail(id).get("status")));
        Thread.sleep(1500);
        assertThat(MAIL.to(email)).hasSize(1);
        assertThat(MailTesting.subject(MAIL.to(email).get(0))).startsWith("[Dịch vụ công] Đã nhận hồ sơ ");
    }

    int attempts(String id) {
        return jdbc.sql("select coalesce(max(attempts), 0) from mail_message where dossier_id = ?::uuid")
                .param(id)
                .query(Integer.class)
                .single();
    }

    Map<String, Object> mail(String id) {
        return jdbc.sql("select status, last_error, recipient from mail_message where dossier_id = ?::uuid")
                .param(id)
                .query()
                .singleRow();
    }
}
