package vn.egov.reporting.completeness;

import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static vn.egov.reporting.regime.ReportingTokens.BCA;
import static vn.egov.reporting.regime.ReportingTokens.HUE;
import static vn.egov.reporting.regime.ReportingTokens.VPCP;

import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.JwtRequestPostProcessor;
import org.springframework.test.web.servlet.ResultActions;
import vn.egov.reporting.regime.ReportingIntegrationTest;
import vn.egov.reporting.regime.ReportingTokens;

/**
 * Completeness as the receiving agency sees it for the monthly TTHC report of 2026-11 (deadline 20/11/2026):
 * Văn phòng Chính phủ files on time, Huế files late and corrects, and before that Huế is missing. A reporting
 * agency sees only its own row; other callers are refused.
 */
class CompletenessIT extends ReportingIntegrationTest {

    static final String REPORT = """
            {"values":{"DOSSIERS_CARRIED_OVER":0,"DOSSIERS_RECEIVED":%d,"DOSSIERS_RECEIVED_ONLINE":10,
             "DOSSIERS_RESOLVED_EARLY":1,"DOSSIERS_RESOLVED_ON_TIME":2,"DOSSIERS_RESOLVED_LATE":0,
             "DOSSIERS_PENDING_IN_TIME":0,"DOSSIERS_PENDING_OVERDUE":0,"ON_TIME_RATE":100}}""";

    void file(String agency, String at, int received) throws Exception {
        clock.set(at);
        mvc.perform(post("/api/reports/regimes/TTHC_THANG/periods/2026-11/submissions")
                        .with(ReportingTokens.reporter(agency))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(REPORT.formatted(received)))
                .andExpect(status().isCreated());
    }

    ResultActions completeness(JwtRequestPostProcessor who, String regime, String period) throws Exception {
        return mvc.perform(get("/api/reports/completeness")
                .param("regime", regime)
                .param("period", period)
                .with(who));
    }

    @Test
    void theReceivingAgencySeesWhoFiledOnTimeWhoLateAndWhoIsMissing() throws Exception {
        file(VPCP, "2026-11-18T10:00", 300);
        completeness(ReportingTokens.reporter(VPCP), "TTHC_THANG", "2026-11")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.deadline").value("2026-11-20"))
                .andExpect(jsonPath("$.from").value("2026-10-15"))
                .andExpect(jsonPath("$.to").value("2026-11-14"))
                .andExpect(jsonPath("$.deadlinePassed").value(false))
                .andExpect(jsonPath("$.agencies[?(@.agencyCode == '" + VPCP + "')].status")
                        .value("ON_TIME"))
                .andExpect(jsonPath("$.agencies[?(@.agencyCode == '" + VPCP + "')].firstSubmittedAt")
                        .value("2026-11-18T03:00:00Z"))
                .andExpect(jsonPath("$.agencies[?(@.agencyCode == '" + HUE + "')].status")
                        .value("MISSING"))
                .andExpect(jsonPath(
                        "$.agencies[?(@.agencyCode == '" + HUE + "' && @.firstSubmittedAt == null)]", hasSize(1)))
                .andExpect(jsonPath("$.summary.missing").value(1));

        file(HUE, "2026-11-22T08:00", 120);
        file(HUE, "2026-11-23T16:45", 121);
        completeness(ReportingTokens.auditor(), "TTHC_THANG", "2026-11")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.deadlinePassed").value(true))
                .andExpect(jsonPath("$.agencies", hasSize(2)))
                .andExpect(jsonPath("$.agencies[?(@.agencyCode == '" + HUE + "')].status")
                        .value("LATE"))
                .andExpect(jsonPath("$.agencies[?(@.agencyCode == '" + HUE + "')].agencyName")
                        .value("UBND tỉnh Thừa Thiên Huế"))
                .andExpect(jsonPath("$.agencies[?(@.agencyCode == '" + HUE + "')].firstSubmittedAt")
                        .value("2026-11-22T01:00:00Z"))
                .andExpect(jsonPath("$.agencies[?(@.agencyCode == '" + HUE + "')].lastSubmittedAt")
                        .value("2026-11-23T09:45:00Z"))
                .andExpect(jsonPath("$.agencies[?(@.agencyCode == '" + HUE + "')].currentVersion")
                        .value(2))
                .andExpect(jsonPath("$.summary.assigned").value(2))
                .andExpect(jsonPath("$.summary.onTime").value(1))
                .andExpect(jsonPath("$.summary.late").value(1))
                .andExpect(jsonPath("$.summary.missing").value(0));
    }

    @Test
    void aPeriodNobodyFiledListsEveryAgencyAsMissing() throws Exception {
        completeness(ReportingTokens.admin(), "CPDT_QUY", "2026-Q3")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.deadline").value("2026-09-25"))
                .andExpect(jsonPath("$.deadlinePassed").value(true))
                .andExpect(jsonPath("$.agencies[*].agencyCode", containsInAnyOrder(VPCP, HUE)))
                .andExpect(jsonPath("$.agencies[*].status", containsInAnyOrder("MISSING", "MISSING")))
                .andExpect(jsonPath("$.summary.missing").value(2));
    }

    @Test
    void aReportingAgencySeesOnlyItsOwnRow() throws Exception {
        file(VPCP, "2026-11-18T10:00", 300);
        completeness(ReportingTokens.reporter(HUE), "TTHC_THANG", "2026-11")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.agencies", hasSize(1)))
                .andExpect(jsonPath("$.agencies[0].agencyCode").value(HUE))
                .andExpect(jsonPath("$.agencies[0].status").value("MISSING"))
                .andExpect(jsonPath("$.summary.assigned").value(1))
                .andExpect(jsonPath("$.summary.onTime").value(0));
    }

    @Test
    void otherCallersAreRefused() throws Exception {
        completeness(ReportingTokens.reporter(BCA), "TTHC_THANG", "2026-11")
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.code").value("not-own-agency"));
        completeness(ReportingTokens.officer(VPCP), "TTHC_THANG", "2026-11")
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.code").value("not-own-agency"));
        mvc.perform(get("/api/reports/completeness")
                        .param("regime", "TTHC_THANG")
                        .param("period", "2026-11"))
                .andExpect(status().isUnauthorized());
    }

    @Test
    void missingOrUnknownParametersAreNamed() throws Exception {
        mvc.perform(get("/api/reports/completeness")
                        .param("regime", "TTHC_THANG")
                        .with(ReportingTokens.auditor()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("period"));
        completeness(ReportingTokens.auditor(), "KHONG_CO", "2026-11")
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.code").value("regime-not-found"));
        completeness(ReportingTokens.auditor(), "CPDT_QUY", "2026-11")
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.code").value("period-not-found"));
    }
}
