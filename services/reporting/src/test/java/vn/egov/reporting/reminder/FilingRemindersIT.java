package vn.egov.reporting.reminder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static vn.egov.reporting.regime.ReportingTokens.HUE;
import static vn.egov.reporting.regime.ReportingTokens.VPCP;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import vn.egov.reporting.regime.ReportingIntegrationTest;
import vn.egov.reporting.regime.ReportingTokens;

/**
 * Reminders through a real SMTP server (GreenMail) for the monthly TTHC report of 2026-11, deadline 20/11/2026,
 * reminded 3 days before: the agency that has not filed gets one mail in Vietnamese with the deadline, the one
 * that filed gets none, repeated and concurrent runs send nothing more, and a failed send is retried later.
 */
class FilingRemindersIT extends ReportingIntegrationTest {

    static final GreenMail SMTP = new GreenMail(new ServerSetup(freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));

    static {
        SMTP.start();
    }

    @DynamicPropertySource
    static void smtp(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> SMTP.getSmtp().getPort());
    }

    @AfterAll
    static void stopSmtp() {
        SMTP.stop();
    }

    @Autowired
    FilingReminders reminders;

    @BeforeEach
    void emptyMailboxes() throws Exception {
        SMTP.purgeEmailFromAllMailboxes();
        if (!SMTP.isRunning()) {
            SMTP.start();
        }
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void vpcpFiles(String at) throws Exception {
        clock.set(at);
        mvc.perform(post("/api/reports/regimes/TTHC_THANG/periods/2026-11/submissions")
                        .with(ReportingTokens.reporter(VPCP))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"values":{"DOSSIERS_CARRIED_OVER":0,"DOSSIERS_RECEIVED":5,"DOSSIERS_RECEIVED_ONLINE":5,
                                 "DOSSIERS_RESOLVED_EARLY":1,"DOSSIERS_RESOLVED_ON_TIME":4,"DOSSIERS_RESOLVED_LATE":0,
                                 "DOSSIERS_PENDING_IN_TIME":0,"DOSSIERS_PENDING_OVERDUE":0,"ON_TIME_RATE":100}}"""))
                .andExpect(status().isCreated());
    }

    static List<String> recipients(MimeMessage[] messages) throws Exception {
        List<String> to = new ArrayList<>();
        for (MimeMessage m : messages) {
            Arrays.stream(m.getAllRecipients()).forEach(a -> to.add(((InternetAddress) a).getAddress()));
        }
        return to;
    }

    long recorded() {
        return jdbc.sql("select count(*) from report_reminder")
                .query(Long.class)
                .single();
    }

    @Test
    void theAgencyThatHasNotFiledIsRemindedOnceThreeDaysBeforeTheDeadline() throws Exception {
        vpcpFiles("2026-11-16T10:00");
        assertThat(reminders.sendDue()).as("4 days before the deadline").isZero();
        assertThat(SMTP.getReceivedMessages()).isEmpty();

        clock.set("2026-11-17T08:00");
        assertThat(reminders.sendDue()).isEqualTo(1);
        MimeMessage[] mails = SMTP.getReceivedMessages();
        assertThat(recipients(mails)).containsExactly("baocao@hue.egov.test");
        assertThat(mails[0].getSubject())
                .isEqualTo("[Nhắc hạn] Báo cáo tình hình, kết quả giải quyết thủ tục hành chính kỳ 2026-11 – hạn"
                        + " 20/11/2026");
        String body = (String) mails[0].getContent();
        assertThat(body)
                .contains("Kính gửi: UBND tỉnh Thừa Thiên Huế (" + HUE + ")")
                .contains("từ ngày 15/10/2026 đến ngày 14/11/2026")
                .contains("Hạn gửi báo cáo: ngày 20/11/2026 (còn 3 ngày)");

        assertThat(reminders.sendDue()).as("same day again").isZero();
        clock.set("2026-11-19T08:00");
        assertThat(reminders.sendDue()).as("a later day").isZero();
        assertThat(SMTP.getReceivedMessages()).hasSize(1);
        assertThat(jdbc.sql("select agency_code from report_reminder where period = '2026-11'")
                        .query(String.class)
                        .list())
                .containsExactly(HUE);
    }

    @Test
    void nothingIsSentOnceTheDeadlineHasPassed() throws Exception {
        clock.set("2026-11-21T08:00");
        assertThat(reminders.sendDue()).isZero();
        assertThat(SMTP.getReceivedMessages()).isEmpty();
    }

    @Test
    void concurrentRunsOnManyReplicasSendEachReminderOnce() throws Exception {
        clock.set("2026-11-18T08:00");
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Callable<Integer>> runs = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                runs.add(reminders::sendDue);
            }
            int total = 0;
            for (Future<Integer> f : pool.invokeAll(runs)) {
                total += f.get();
            }
            assertThat(total).isEqualTo(2);
        } finally {
            pool.shutdown();
        }
        assertThat(recipients(SMTP.getReceivedMessages()))
                .containsExactlyInAnyOrder("baocao@hue.egov.test", "baocao@vpcp.egov.test");
        assertThat(recorded()).isEqualTo(2);
    }

    @Test
    void theScheduledJobHoldsItsLockInTheDatabase() throws Exception {
        clock.set("2026-11-18T08:00");
        reminders.run();
        assertThat(SMTP.getReceivedMessages()).hasSize(2);
        assertThat(jdbc.sql("select count(*) from shedlock where name = 'reporting.filing-reminders'")
                        .query(Long.class)
                        .single())
                .isOne();
    }

    @Test
    void aFailedSendIsNotRecordedAndIsRetriedOnTheNextRun() throws Exception {
        clock.set("2026-11-18T08:00");
        SMTP.stop();
        assertThat(reminders.sendDue()).isZero();
        assertThat(recorded()).isZero();

        SMTP.start();
        assertThat(reminders.sendDue()).isEqualTo(2);
        assertThat(SMTP.getReceivedMessages()).hasSize(2);
        assertThat(recorded()).isEqualTo(2);
    }
}
