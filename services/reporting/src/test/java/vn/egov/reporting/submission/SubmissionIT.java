package vn.egov.reporting.submission;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static vn.egov.reporting.regime.ReportingTokens.BCA;
import static vn.egov.reporting.regime.ReportingTokens.HUE;
import static vn.egov.reporting.regime.ReportingTokens.VPCP;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.JwtRequestPostProcessor;
import org.springframework.test.web.servlet.ResultActions;
import vn.egov.reporting.regime.ReportingIntegrationTest;
import vn.egov.reporting.regime.ReportingTokens;

/**
 * Filing reports as reporters meet it, the clock set to 18/11/2026 09:00 in Vietnam: the monthly TTHC report
 * for 2026-11 (cut-off 15/10–14/11, deadline 20/11) is open. Values are checked per indicator, corrections make
 * versions, late filings are marked, repeated requests are idempotent, and every refusal names its reason and
 * stores nothing.
 */
class SubmissionIT extends ReportingIntegrationTest {

    static final String MONTHLY = "/api/reports/regimes/TTHC_THANG/periods/{period}/submissions";

    static String values(int received) {
        return """
                {"DOSSIERS_CARRIED_OVER":12,"DOSSIERS_RECEIVED":%d,"DOSSIERS_RECEIVED_ONLINE":95,
                 "DOSSIERS_RESOLVED_EARLY":40,"DOSSIERS_RESOLVED_ON_TIME":70,"DOSSIERS_RESOLVED_LATE":3,
                 "DOSSIERS_PENDING_IN_TIME":8,"DOSSIERS_PENDING_OVERDUE":1,"ON_TIME_RATE":97.35,
                 "OVERDUE_REASONS":"Chờ kết quả xác minh của cơ quan phối hợp"}""".formatted(received);
    }

    static String report(int received) {
        return "{\"values\":" + values(received) + ",\"note\":\"Số liệu từ Hệ thống thông tin giải quyết TTHC\"}";
    }

    ResultActions file(JwtRequestPostProcessor who, String period, String body) throws Exception {
        return mvc.perform(post(MONTHLY, period)
                .with(who)
                .contentType(MediaType.APPLICATION_JSON)
                .content(body));
    }

    ResultActions read(JwtRequestPostProcessor who, String period, String agency) throws Exception {
        return mvc.perform(get(MONTHLY + "/{agency}", period, agency).with(who));
    }

    long stored() {
        return jdbc.sql("select count(*) from report_submission")
                .query(Long.class)
                .single();
    }

    @Test
    void aReporterFilesItsAgencysReportOnTime() throws Exception {
        file(ReportingTokens.reporter(HUE), "2026-11", report(120))
                .andExpect(status().isCreated())
                .andExpect(header().string(
                                "Location", "/api/reports/regimes/TTHC_THANG/periods/2026-11/submissions/" + HUE))
                .andExpect(jsonPath("$.agencyCode").value(HUE))
                .andExpect(jsonPath("$.version").value(1))
                .andExpect(jsonPath("$.late").value(false))
                .andExpect(jsonPath("$.deadline").value("2026-11-20"))
                .andExpect(jsonPath("$.submittedAt").value("2026-11-18T02:00:00Z"))
                .andExpect(jsonPath("$.submittedBy").value("reporter." + HUE))
                .andExpect(jsonPath("$.values.DOSSIERS_RECEIVED").value(120))
                .andExpect(jsonPath("$.values.ON_TIME_RATE").value(97.35));

        read(ReportingTokens.reporter(HUE), "2026-11", HUE)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.agencyName").value("UBND tỉnh Thừa Thiên Huế"))
                .andExpect(jsonPath("$.current.version").value(1))
                .andExpect(jsonPath("$.current.note").value("Số liệu từ Hệ thống thông tin giải quyết TTHC"))
                .andExpect(jsonPath("$.history", hasSize(1)));
    }

    @Test
    void aCorrectionIsANewVersionAndEveryVersionIsKept() throws Exception {
        file(ReportingTokens.reporter(HUE), "2026-11", report(120)).andExpect(status().isCreated());
        clock.set("2026-11-19T15:30");
        file(ReportingTokens.reporter(HUE), "2026-11", report(125))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.version").value(2));

        read(ReportingTokens.reporter(VPCP), "2026-11", HUE) // the receiving agency
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.current.version").value(2))
                .andExpect(jsonPath("$.current.values.DOSSIERS_RECEIVED").value(125))
                .andExpect(jsonPath("$.current.submittedAt").value("2026-11-19T08:30:00Z"))
                .andExpect(jsonPath("$.history[*].version", contains(2, 1)))
                .andExpect(jsonPath("$.history[1].values.DOSSIERS_RECEIVED").value(120));
    }

    @Test
    void filingAfterTheDeadlineIsAcceptedAndRecordedAsLate() throws Exception {
        clock.set("2026-11-20T23:59");
        file(ReportingTokens.reporter(VPCP), "2026-11", report(300))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.late").value(false));
        clock.set("2026-11-21T00:01");
        file(ReportingTokens.reporter(HUE), "2026-11", report(120))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.late").value(true));
        read(ReportingTokens.auditor(), "2026-11", HUE)
                .andExpect(jsonPath("$.current.late").value(true));
    }

    @Test
    void valuesOfTheWrongTypeOrOutOfRangeAreNamedAndNothingIsStored() throws Exception {
        String wrong = report(120)
                .replace("\"DOSSIERS_RECEIVED\":120", "\"DOSSIERS_RECEIVED\":\"120\"")
                .replace("\"DOSSIERS_CARRIED_OVER\":12", "\"DOSSIERS_CARRIED_OVER\":-1")
                .replace("\"DOSSIERS_RECEIVED_ONLINE\":95", "\"DOSSIERS_RECEIVED_ONLINE\":9.5")
                .replace("\"ON_TIME_RATE\":97.35", "\"ON_TIME_RATE\":120")
                .replace("\"OVERDUE_REASONS\":\"Chờ kết quả xác minh của cơ quan phối hợp\"", "\"OVERDUE_REASONS\":7");
        file(ReportingTokens.reporter(HUE), "2026-11", wrong)
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value("invalid-values"))
                .andExpect(jsonPath("$.title").value("Số liệu báo cáo không hợp lệ"))
                .andExpect(jsonPath(
                        "$.errors[*].field",
                        containsInAnyOrder(
                                "values.DOSSIERS_CARRIED_OVER",
                                "values.DOSSIERS_RECEIVED",
                                "values.DOSSIERS_RECEIVED_ONLINE",
                                "values.ON_TIME_RATE",
                                "values.OVERDUE_REASONS")))
                .andExpect(jsonPath("$.errors[?(@.field == 'values.DOSSIERS_RECEIVED')].reason")
                        .value("Giá trị phải là số nguyên."))
                .andExpect(jsonPath("$.errors[?(@.field == 'values.DOSSIERS_CARRIED_OVER')].reason")
                        .value("Giá trị nhỏ hơn mức tối thiểu 0."))
                .andExpect(jsonPath("$.errors[?(@.field == 'values.ON_TIME_RATE')].reason")
                        .value("Tỷ lệ phần trăm phải từ 0 đến 100."));
        assertThat(stored()).isZero();
    }

    @Test
    void missingRequiredAndUnknownIndicatorsAreNamed() throws Exception {
        file(ReportingTokens.reporter(HUE), "2026-11", """
                        {"values":{"DOSSIERS_RECEIVED":120,"DOSSIERS_RESOLVED_ON_TIME":null,"SO_HO_SO_AO":5}}""")
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[?(@.field == 'values.DOSSIERS_RESOLVED_ON_TIME')].reason")
                        .value("Chỉ tiêu bắt buộc phải có giá trị."))
                .andExpect(jsonPath("$.errors[?(@.field == 'values.ON_TIME_RATE')]")
                        .exists())
                .andExpect(jsonPath("$.errors[?(@.field == 'values.SO_HO_SO_AO')].reason")
                        .value("Chế độ báo cáo TTHC_THANG không có chỉ tiêu này."))
                .andExpect(jsonPath("$.errors[?(@.field == 'values.OVERDUE_REASONS')]")
                        .doesNotExist());
        assertThat(stored()).isZero();
    }

    @Test
    void aBodyWithoutValuesOrNotJsonIs400() throws Exception {
        file(ReportingTokens.reporter(HUE), "2026-11", "{\"note\":\"quên số liệu\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("values"));
        file(ReportingTokens.reporter(HUE), "2026-11", "{\"values\":[1,2,3]}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("values"));
        file(ReportingTokens.reporter(HUE), "2026-11", "{\"values\":{\"DOSSIERS_RECEIVED\":")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("malformed-body"));
        assertThat(stored()).isZero();
    }

    @Test
    void theQuarterlyRegimeChecksYesNoAndDecimalValues() throws Exception {
        clock.set("2026-12-20T10:00"); // 2026-Q4: cut-off 15/09–14/12, deadline 25/12
        String url = "/api/reports/regimes/CPDT_QUY/periods/2026-Q4/submissions";
        mvc.perform(post(url)
                        .with(ReportingTokens.reporter(HUE))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"values":{"LEVEL4_SERVICES":812,"ONLINE_DOSSIER_SHARE":61.5,"E_DOCUMENT_SHARE":93,
                                 "CONNECTED_TO_NDXP":"có","IT_BUDGET":"nhiều"}}"""))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath(
                        "$.errors[*].field", containsInAnyOrder("values.CONNECTED_TO_NDXP", "values.IT_BUDGET")));
        mvc.perform(post(url)
                        .with(ReportingTokens.reporter(HUE))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"values":{"LEVEL4_SERVICES":812,"ONLINE_DOSSIER_SHARE":61.5,"E_DOCUMENT_SHARE":93,
                                 "CONNECTED_TO_NDXP":true,"IT_BUDGET":1520.75}}"""))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.period").value("2026-Q4"))
                .andExpect(jsonPath("$.deadline").value("2026-12-25"))
                .andExpect(jsonPath("$.values.CONNECTED_TO_NDXP").value(true));
    }

    @Test
    void anUnknownRegimeOrPeriodIs404() throws Exception {
        mvc.perform(post("/api/reports/regimes/KHONG_CO/periods/2026-11/submissions")
                        .with(ReportingTokens.reporter(HUE))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(report(1)))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.code").value("regime-not-found"));
        for (String period : new String[] {"2026-13", "2026-Q4", "tháng-11"}) {
            file(ReportingTokens.reporter(HUE), period, report(1))
                    .andExpect(status().isNotFound())
                    .andExpect(jsonPath("$.code").value("period-not-found"))
                    .andExpect(jsonPath("$.detail", containsString("2026-11")));
        }
        read(ReportingTokens.auditor(), "2026-Q4", HUE)
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.code").value("period-not-found"));
        assertThat(stored()).isZero();
    }

    @Test
    void aPeriodNotYetOpenOrAlreadyClosedIs409() throws Exception {
        file(ReportingTokens.reporter(HUE), "2026-12", report(1)) // cut-off runs to 14/12
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("period-not-open"))
                .andExpect(jsonPath("$.detail", containsString("15/12/2026")));
        file(ReportingTokens.reporter(HUE), "2026-01", report(1)) // deadline 20/01, closed 90 days later
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("period-closed"))
                .andExpect(jsonPath("$.title").value("Kỳ báo cáo đã đóng"));
        file(ReportingTokens.reporter(HUE), "2026-08", report(1)) // deadline 20/08: late, still accepted
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.late").value(true));
        assertThat(stored()).isOne();
    }

    @Test
    void onlyAReporterOfAnAssignedAgencyFilesAndOnlyForItself() throws Exception {
        file(
                        ReportingTokens.reporter(HUE),
                        "2026-11",
                        report(1).replace("{\"values\"", "{\"agencyCode\":\"" + VPCP + "\",\"values\""))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.code").value("other-agency"))
                .andExpect(jsonPath("$.errors[0].field").value("agencyCode"));
        file(ReportingTokens.reporter(BCA), "2026-11", report(1))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.code").value("agency-not-assigned"))
                .andExpect(jsonPath("$.detail", containsString(BCA)));
        file(ReportingTokens.token("reporter.nobody", null, "reporter"), "2026-11", report(1))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.code").value("no-agency"));
        file(ReportingTokens.officer(HUE), "2026-11", report(1))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.code").value("forbidden"));
        mvc.perform(post(MONTHLY, "2026-11")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(report(1)))
                .andExpect(status().isUnauthorized());
        file(
                        ReportingTokens.reporter(HUE),
                        "2026-11",
                        report(1).replace("{\"values\"", "{\"agencyCode\":\"" + HUE + "\",\"values\""))
                .andExpect(status().isCreated());
        assertThat(stored()).isOne();
    }

    @Test
    void theSameRequestRepeatedWithItsIdempotencyKeyFilesOnce() throws Exception {
        for (int attempt = 0; attempt < 3; attempt++) {
            mvc.perform(post(MONTHLY, "2026-11")
                            .with(ReportingTokens.reporter(HUE))
                            .header("Idempotency-Key", "hue-2026-11-lan-1")
                            .contentType(MediaType.APPLICATION_JSON)
                            .content(report(120)))
                    .andExpect(status().is(attempt == 0 ? 201 : 200))
                    .andExpect(jsonPath("$.version").value(1));
        }
        mvc.perform(post(MONTHLY, "2026-11")
                        .with(ReportingTokens.reporter(HUE))
                        .header("Idempotency-Key", "hue-2026-11-lan-1")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(report(121)))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("idempotency-key-reused"))
                .andExpect(jsonPath("$.errors[0].field").value("Idempotency-Key"));
        mvc.perform(post(MONTHLY, "2026-11")
                        .with(ReportingTokens.reporter(HUE))
                        .header("Idempotency-Key", "hue-2026-11-lan-2")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(report(121)))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.version").value(2));
        assertThat(stored()).isEqualTo(2);
    }

    @Test
    void aReportIsReadByItsAgencyTheReceiverAuditorsAndAdministratorsOnly() throws Exception {
        file(ReportingTokens.reporter(HUE), "2026-11", report(120)).andExpect(status().isCreated());
        read(ReportingTokens.reporter(HUE), "2026-11", HUE).andExpect(status().isOk());
        read(ReportingTokens.reporter(VPCP), "2026-11", HUE).andExpect(status().isOk());
        read(ReportingTokens.auditor(), "2026-11", HUE).andExpect(status().isOk());
        read(ReportingTokens.admin(), "2026-11", HUE).andExpect(status().isOk());
        read(ReportingTokens.reporter(BCA), "2026-11", HUE)
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.code").value("not-own-agency"));
        read(ReportingTokens.officer(HUE), "2026-11", HUE).andExpect(status().isForbidden());
        read(ReportingTokens.reporter(VPCP), "2026-11", VPCP)
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.code").value("submission-not-found"));
    }

    @Test
    void concurrentFilingsOfOneAgencyGetDistinctVersions() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Callable<Integer>> filings = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                int received = 100 + i;
                filings.add(() -> file(ReportingTokens.reporter(HUE), "2026-11", report(received))
                        .andReturn()
                        .getResponse()
                        .getStatus());
            }
            for (Future<Integer> status : pool.invokeAll(filings)) {
                assertThat(status.get()).isEqualTo(201);
            }
        } finally {
            pool.shutdown();
        }
        read(ReportingTokens.reporter(HUE), "2026-11", HUE)
                .andExpect(jsonPath("$.current.version").value(4))
                .andExpect(jsonPath("$.history[*].version", contains(4, 3, 2, 1)));
    }

    @Test
    void anAdHocRegimesRoundIsFiledByItsLabel() throws Exception {
        mvc.perform(post("/api/reports/regimes")
                        .with(ReportingTokens.admin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"code":"BAO_13","name":"Báo cáo nhanh thiệt hại do bão số 13","legalBasis":"Công điện (thử nghiệm)",
                                 "frequency":"AD_HOC","receivingAgency":"000.00.00.G22",
                                 "agencies":[{"code":"000.00.00.H57","name":"UBND tỉnh Thừa Thiên Huế"}],
                                 "tables":[{"code":"BIEU_01","title":"Thiệt hại","indicators":[
                                   {"code":"HOUSES_DAMAGED","name":"Số nhà bị hư hại","type":"INTEGER","required":true,"min":0,
                                    "aggregation":"SUM"}]}],
                                 "periods":[{"period":"DOT-1","from":"2026-11-01","to":"2026-11-10","deadline":"2026-11-12"},
                                            {"period":"DOT-2","from":"2026-11-11","to":"2026-11-20","deadline":"2026-11-22"}]}"""))
                .andExpect(status().isCreated());
        String url = "/api/reports/regimes/BAO_13/periods/{period}/submissions";
        String body = "{\"values\":{\"HOUSES_DAMAGED\":1250}}";
        mvc.perform(post(url, "DOT-1")
                        .with(ReportingTokens.reporter(HUE))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.period").value("DOT-1"))
                .andExpect(jsonPath("$.late").value(true));
        mvc.perform(post(url, "DOT-2")
                        .with(ReportingTokens.reporter(HUE))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("period-not-open"));
        mvc.perform(post(url, "DOT-3")
                        .with(ReportingTokens.reporter(HUE))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.code").value("period-not-found"));
    }
}
