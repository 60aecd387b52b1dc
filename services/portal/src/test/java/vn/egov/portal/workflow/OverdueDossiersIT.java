package vn.egov.portal.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static vn.egov.portal.workflow.DeskFixtures.FREE;
import static vn.egov.portal.workflow.DeskFixtures.HUE;
import static vn.egov.portal.workflow.DeskFixtures.OWNER;
import static vn.egov.portal.workflow.DeskFixtures.hueOfficer;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import vn.egov.portal.dossier.Dossiers;
import vn.egov.portal.testing.PortalIntegrationTest;

/** The overdue job flags late dossiers once, with one history line, and the desk filters them. */
@TestPropertySource(properties = "egov.portal.workflow.overdue-cron=-") // the test runs the job itself
class OverdueDossiersIT extends PortalIntegrationTest {

    static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh"));

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Dossiers dossiers;

    @Autowired
    OverdueDossiers overdue;

    DeskFixtures fx;

    @BeforeEach
    void setUp() {
        fx = new DeskFixtures(jdbc, mvc);
        fx.procedures();
    }

    UUID inProcessDueOn(LocalDate due, LocalDate rescheduled) throws Exception {
        UUID id = fx.submitted(FREE, HUE, OWNER);
        fx.act(id, "receive", null).andExpect(status().isOk());
        fx.act(id, "process", null).andExpect(status().isOk());
        jdbc.sql("update dossier set due_date = ?, rescheduled_date = ? where id = ?")
                .params(due, rescheduled, id)
                .update();
        return id;
    }

    @Test
    void lateDossiersAreFlaggedOnceAndTheDeskFiltersThem() throws Exception {
        UUID late = inProcessDueOn(TODAY.minusDays(2), null);
        UUID dueToday = inProcessDueOn(TODAY, null);
        UUID rescheduled = inProcessDueOn(TODAY.minusDays(2), TODAY.plusDays(5));
        UUID lateButDone = inProcessDueOn(TODAY.minusDays(2), null);
        fx.act(lateButDone, "complete", "{\"decision\":\"Chấp thuận\"}").andExpect(status().isOk());
        UUID waitingForSupplement = inProcessDueOn(TODAY.minusDays(2), null);
        jdbc.sql("update dossier set status = 5 where id = ?")
                .param(waitingForSupplement)
                .update();
        int historyBefore = fx.historyLines(late);

        overdue.scheduled(); // the entry point the scheduler calls (under ShedLock)
        assertThat(overdue.flag())
                .as("a second run (or a second replica) adds nothing")
                .isZero();

        assertThat(flagged(late)).isTrue();
        assertThat(flagged(dueToday))
                .as("the deadline ends at 24:00 on the due date")
                .isFalse();
        assertThat(flagged(rescheduled)).as("the apology's date counts").isFalse();
        assertThat(flagged(lateButDone)).isFalse();
        assertThat(flagged(waitingForSupplement)).as("the clock is paused").isFalse();
        assertThat(fx.historyLines(late)).isEqualTo(historyBefore + 1);
        Dossiers.HistoryLine line = dossiers.historyOf(late).getLast();
        assertThat(line.action()).isEqualTo("OVERDUE");
        assertThat(line.actor()).isEqualTo("system");
        assertThat(line.details().get("promisedDate").asString())
                .isEqualTo(TODAY.minusDays(2).toString());
        assertThat(fx.version(late)).as("flagging is not a status change").isEqualTo(3);

        mvc.perform(get("/api/portal/desk/dossiers?overdue=true").with(hueOfficer()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[*].id", hasItem(late.toString())))
                .andExpect(jsonPath("$[*].id", not(hasItem(dueToday.toString()))))
                .andExpect(jsonPath("$[*].id", not(hasItem(lateButDone.toString()))))
                .andExpect(jsonPath("$[0].overdue").value(true));
        mvc.perform(get("/api/portal/desk/dossiers?overdue=false&status=4").with(hueOfficer()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[*].id", not(hasItem(late.toString()))))
                .andExpect(jsonPath("$[*].id", hasItem(dueToday.toString())));
        mvc.perform(get("/api/portal/desk/dossiers?status=11").with(hueOfficer()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("status"));
        mvc.perform(get("/api/portal/desk/dossiers/{id}", late).with(hueOfficer()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.overdue").value(true));
    }

    boolean flagged(UUID id) {
        return jdbc.sql("select count(*) from dossier_overdue where dossier_id = ?")
                        .param(id)
                        .query(Integer.class)
                        .single()
                > 0;
    }
}
