package vn.egov.portal.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import vn.egov.portal.dossier.Dossier;
import vn.egov.portal.dossier.DossierStatus;
import vn.egov.portal.dossier.Dossiers;
import vn.egov.portal.testing.PortalIntegrationTest;

/**
 * The citizen hears of every change of status and of the apology with its new date; steps that keep the status
 * (an assignment, a transfer's feedback) stay on the desk.
 */
class StatusMailsIT extends PortalIntegrationTest {

    static final Dossiers.Actor OFFICER = new Dossiers.Actor("officer.hue", "000.00.00.H57");

    @Autowired
    Dossiers dossiers;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate tx;

    @Test
    void statusChangesAndTheApologyAreMailedOtherStepsAreNot() {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                        insert into dossier (id, procedure_code, agency_code, applicant_pid, applicant_name,
                          applicant_email, created_at, updated_at)
                        values (?, '1.004873', '000.00.00.H57', '001099012345', 'Nguyễn Văn An', 'an@example.vn',
                          now(), now())""").param(id).update();

        step(
                id,
                Dossiers.Change.to(DossierStatus.NEW)
                        .submitted(
                                tx.execute(s -> dossiers.nextCode("000.00.00.H57", LocalDate.of(2026, 11, 23))),
                                Instant.now()),
                "SUBMIT");
        step(
                id,
                Dossiers.Change.to(DossierStatus.ACCEPTED).received(Instant.now(), LocalDate.of(2026, 11, 26)),
                "RECEIVE");
        step(id, Dossiers.Change.to(DossierStatus.ACCEPTED).assignedTo("officer.hue"), "ASSIGN");
        step(id, Dossiers.Change.to(DossierStatus.ACCEPTED).rescheduled(LocalDate.of(2026, 12, 3)), "APOLOGY");
        step(id, Dossiers.Change.to(DossierStatus.IN_PROCESS), "PROCESS");

        await().atMost(Duration.ofSeconds(60)).until(() -> subjects(id).size() >= 4);
        // the consumer has seen all five events by now (one partition per dossier, in order); give a stray mail a
        // moment to show up
        await().pollDelay(Duration.ofSeconds(2)).until(() -> true);
        List<String> subjects = subjects(id);
        assertThat(subjects).hasSize(4);
        assertThat(subjects.get(0)).contains("Đã nhận hồ sơ");
        assertThat(subjects.get(2)).contains("Xin lỗi và hẹn lại ngày trả kết quả");
        assertThat(body(id, subjects.get(2))).contains("03/12/2026");
        assertThat(subjects.get(3)).contains("đang được xử lý");
    }

    void step(UUID id, Dossiers.Change change, String action) {
        tx.executeWithoutResult(s -> {
            Dossier locked = dossiers.lock(id).orElseThrow();
            dossiers.change(locked, change, action, OFFICER, null, Map.of());
        });
    }

    List<String> subjects(UUID id) {
        return jdbc.sql("select subject from mail_message where dossier_id = ? order by id")
                .param(id)
                .query(String.class)
                .list();
    }

    String body(UUID id, String subject) {
        return jdbc.sql("select body from mail_message where dossier_id = ? and subject = ?")
                .params(id, subject)
                .query(String.class)
                .single();
    }
}
