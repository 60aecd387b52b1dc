package vn.egov.portal.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static vn.egov.portal.workflow.DeskFixtures.FREE;
import static vn.egov.portal.workflow.DeskFixtures.HUE;
import static vn.egov.portal.workflow.DeskFixtures.OWNER;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import vn.egov.portal.dossier.Dossiers;
import vn.egov.portal.testing.PortalIntegrationTest;

/** Phiếu xin lỗi và hẹn lại ngày trả kết quả: before the deadline, at most once, a later date, a reason. */
class ApologyIT extends PortalIntegrationTest {

    static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh"));

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Dossiers dossiers;

    DeskFixtures fx;

    @BeforeEach
    void setUp() {
        fx = new DeskFixtures(jdbc, mvc);
        fx.procedures();
    }

    UUID inProcessDueOn(LocalDate due) throws Exception {
        UUID id = fx.submitted(FREE, HUE, OWNER);
        fx.act(id, "receive", null).andExpect(status().isOk());
        fx.act(id, "process", null).andExpect(status().isOk());
        jdbc.sql("update dossier set due_date = ? where id = ?").params(due, id).update();
        return id;
    }

    @Test
    void theApologyMovesThePromisedDateOnceWithItsReason() throws Exception {
        LocalDate due = TODAY.plusDays(20);
        UUID id = inProcessDueOn(due);

        fx.act(id, "apology", "{\"newDate\":\"" + due.plusDays(7) + "\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("reason"));
        fx.act(id, "apology", "{\"reason\":\"Chờ ý kiến cơ quan phối hợp\",\"newDate\":\"" + due + "\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("newDate"));
        fx.act(id, "apology", "{\"reason\":\"Chờ ý kiến cơ quan phối hợp\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("newDate"));
        assertThat(fx.historyLines(id)).isEqualTo(2);

        fx.act(id, "apology", "{\"reason\":\"Chờ ý kiến cơ quan phối hợp\",\"newDate\":\"" + due.plusDays(7) + "\"}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value(4))
                .andExpect(jsonPath("$.dueDate").value(due.toString()))
                .andExpect(jsonPath("$.rescheduledDate").value(due.plusDays(7).toString()))
                .andExpect(jsonPath("$.promisedDate").value(due.plusDays(7).toString()));
        Dossiers.HistoryLine line = dossiers.historyOf(id).getLast();
        assertThat(line.action()).isEqualTo("APOLOGY");
        assertThat(line.note()).isEqualTo("Chờ ý kiến cơ quan phối hợp");
        assertThat(line.actor()).isEqualTo("officer.hue");
        assertThat(line.details().get("newDate").asString())
                .isEqualTo(due.plusDays(7).toString());

        fx.act(id, "apology", "{\"reason\":\"Lần nữa\",\"newDate\":\"" + due.plusDays(14) + "\"}")
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("apology-already-issued"));
        assertThat(dossiers.find(id).orElseThrow().rescheduledDate()).isEqualTo(due.plusDays(7));
    }

    @Test
    void onTheDueDayOrAfterItIsTooLate() throws Exception {
        for (LocalDate due : new LocalDate[] {TODAY, TODAY.minusDays(3)}) {
            UUID id = inProcessDueOn(due);
            fx.act(id, "apology", "{\"reason\":\"Chậm\",\"newDate\":\"" + TODAY.plusDays(10) + "\"}")
                    .andExpect(status().isConflict())
                    .andExpect(jsonPath("$.code").value("apology-too-late"));
            assertThat(dossiers.find(id).orElseThrow().rescheduledDate()).isNull();
        }
    }

    @Test
    void onlyWhileTheClockRuns() throws Exception {
        UUID fresh = fx.submitted(FREE, HUE, OWNER);
        fx.act(fresh, "apology", "{\"reason\":\"Chậm\",\"newDate\":\"" + TODAY.plusDays(30) + "\"}")
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("invalid-transition"));

        UUID done = inProcessDueOn(TODAY.plusDays(20));
        fx.act(done, "complete", "{\"decision\":\"Chấp thuận\"}").andExpect(status().isOk());
        fx.act(done, "apology", "{\"reason\":\"Chậm\",\"newDate\":\"" + TODAY.plusDays(30) + "\"}")
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.currentStatus").value(9));
    }
}
