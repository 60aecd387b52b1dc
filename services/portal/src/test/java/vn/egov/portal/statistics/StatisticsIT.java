package vn.egov.portal.statistics;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import vn.egov.platform.testing.TestTokens;
import vn.egov.portal.testing.PortalIntegrationTest;

/** The portal's own dossier counts, which the reporting system reconciles its figures against. */
class StatisticsIT extends PortalIntegrationTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void dossiers() {
        jdbc.sql("delete from dossier_history").update();
        jdbc.sql("delete from dossier where procedure_code = '1.004873'").update();
        // Vietnam time: 2026-11-01T00:30+07 is still 31 October in UTC, and counts on 1 November
        insert("000.00.00.H57", "ONLINE", 2, "2026-10-31T17:30:00Z", null);
        insert("000.00.00.H57", "ONLINE", 10, "2026-11-03T02:00:00Z", "2026-11-05T03:00:00Z");
        insert("000.00.00.H57", "COUNTER", 9, "2026-11-04T02:00:00Z", "2026-11-30T18:00:00Z"); // done on 1 Dec
        insert("000.00.00.G22", "ONLINE", 3, "2026-11-10T02:00:00Z", "2026-11-11T02:00:00Z"); // refused, not done
        insert("000.00.00.H57", "ONLINE", 1, "2026-10-31T16:59:00Z", null); // 31 October in Vietnam
        jdbc.sql("""
                        insert into dossier (id, procedure_code, agency_code, applicant_pid, created_at, updated_at)
                        values (?, '1.004873', '000.00.00.H57', '001099012345', now(), now())""").param(UUID.randomUUID()).update(); // a draft is no dossier yet
    }

    void insert(String agency, String channel, int status, String submittedAt, String completedAt) {
        jdbc.sql("""
                        insert into dossier (id, code, procedure_code, agency_code, applicant_pid, channel, status,
                          created_at, updated_at, submitted_at, completed_at)
                        values (?, ?, '1.004873', ?, '001099012345', ?, ?, now(), now(),
                          cast(? as timestamptz), cast(? as timestamptz))""")
                .params(
                        UUID.randomUUID(),
                        agency + "-261101-" + (1000 + (int) (Math.random() * 8999)),
                        agency,
                        channel,
                        status,
                        submittedAt,
                        completedAt)
                .update();
    }

    @Test
    void countsTheDossiersFiledFiledOnlineAndDoneInTheRangeInVietnamTime() throws Exception {
        mvc.perform(get("/api/portal/statistics/dossiers?from=2026-11-01&to=2026-11-30")
                        .with(TestTokens.staff("reporter.vpcp", "000.00.00.G22", "reporter")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.filed").value(4))
                .andExpect(jsonPath("$.filedOnline").value(3))
                .andExpect(jsonPath("$.done").value(1));
        mvc.perform(get("/api/portal/statistics/dossiers?from=2026-11-01&to=2026-11-30&agency=000.00.00.H57")
                        .with(TestTokens.staff("auditor", null, "auditor")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.filed").value(3))
                .andExpect(jsonPath("$.filedOnline").value(2))
                .andExpect(jsonPath("$.done").value(1));
    }

    @Test
    void aBadRangeOrAgencyIsNamedAndNoTokenIsRefused() throws Exception {
        mvc.perform(get("/api/portal/statistics/dossiers?from=2026-11-30&to=2026-11-01")
                        .with(TestTokens.staff("auditor", null, "auditor")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("to"));
        mvc.perform(get("/api/portal/statistics/dossiers?from=2026-11-01&to=2026-11-30&agency=x'or'1")
                        .with(TestTokens.staff("auditor", null, "auditor")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("agency"));
        mvc.perform(get("/api/portal/statistics/dossiers?from=2026-11-01&to=2026-11-30"))
                .andExpect(status().isUnauthorized());
    }
}
