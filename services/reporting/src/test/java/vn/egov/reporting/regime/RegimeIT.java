package vn.egov.reporting.regime;

import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static vn.egov.reporting.regime.ReportingTokens.HUE;
import static vn.egov.reporting.regime.ReportingTokens.VPCP;

import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.ResultActions;

/**
 * Report regimes as readers and administrators meet them: the seeded regimes with their Decree 09 frequency,
 * deadline day, agencies, outline and indicators; administrators add and replace regimes; anything malformed is
 * refused with the field named and nothing stored; only administrators change regimes.
 */
class RegimeIT extends ReportingIntegrationTest {

    static final String AD_HOC = """
            {"code":"THIEN_TAI_2026","name":"Báo cáo nhanh thiệt hại do bão số 13",
             "legalBasis":"Công điện của Thủ tướng Chính phủ (thử nghiệm)","frequency":"AD_HOC",
             "receivingAgency":"000.00.00.G22",
             "agencies":[{"code":"000.00.00.H57","name":"UBND tỉnh Thừa Thiên Huế","email":"baocao@hue.egov.test"}],
             "outline":["I. Tình hình thiệt hại","II. Kiến nghị"],
             "tables":[{"code":"BIEU_01","title":"Biểu 01: Thiệt hại","indicators":[
               {"code":"HOUSES_DAMAGED","name":"Số nhà bị hư hại","unit":"nhà","type":"INTEGER","required":true,
                "min":0,"aggregation":"SUM"},
               {"code":"EVACUATED_SHARE","name":"Tỷ lệ hộ đã sơ tán","unit":"%","type":"PERCENT","aggregation":"AVERAGE"}]}],
             "periods":[{"period":"DOT-1","from":"2026-11-01","to":"2026-11-10","deadline":"2026-11-12"}]}""";

    ResultActions create(String body) throws Exception {
        return mvc.perform(post("/api/reports/regimes")
                .with(ReportingTokens.admin())
                .contentType(MediaType.APPLICATION_JSON)
                .content(body));
    }

    @Test
    void everyRoleReadsTheSeededRegimes() throws Exception {
        mvc.perform(get("/api/reports/regimes").with(ReportingTokens.officer(HUE)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[*].code", containsInAnyOrder("CPDT_QUY", "TTHC_THANG")))
                .andExpect(jsonPath("$[?(@.code == 'TTHC_THANG')].frequency").value("MONTH"))
                .andExpect(jsonPath("$[?(@.code == 'CPDT_QUY')].frequency").value("QUARTER"));
    }

    @Test
    void aRegimeShowsItsLegalBasisAgenciesOutlineAndIndicators() throws Exception {
        mvc.perform(get("/api/reports/regimes/TTHC_THANG").with(ReportingTokens.reporter(HUE)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.name").value("Báo cáo tình hình, kết quả giải quyết thủ tục hành chính"))
                .andExpect(jsonPath("$.legalBasis", org.hamcrest.Matchers.containsString("Thông tư 01/2018/TT-VPCP")))
                .andExpect(jsonPath("$.deadlineDay").value(20))
                .andExpect(jsonPath("$.receivingAgency").value(VPCP))
                .andExpect(jsonPath("$.agencies[*].code", containsInAnyOrder(VPCP, HUE)))
                .andExpect(jsonPath("$.outline", hasSize(3)))
                .andExpect(jsonPath("$.tables[0].code").value("BIEU_01"))
                .andExpect(jsonPath("$.tables[0].indicators[1].code").value("DOSSIERS_RECEIVED"))
                .andExpect(jsonPath("$.tables[0].indicators[1].type").value("INTEGER"))
                .andExpect(jsonPath("$.tables[0].indicators[1].required").value(true))
                .andExpect(jsonPath("$.tables[0].indicators[1].min").value(0))
                .andExpect(jsonPath("$.tables[0].indicators[1].aggregation").value("SUM"))
                .andExpect(jsonPath("$.tables[0].indicators[8].code").value("ON_TIME_RATE"))
                .andExpect(jsonPath("$.tables[0].indicators[8].max").value(100));
        mvc.perform(get("/api/reports/regimes/CPDT_QUY").with(ReportingTokens.auditor()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.deadlineDay").value(25))
                .andExpect(jsonPath("$.tables[1].indicators[*].type", hasItem("BOOLEAN")));
    }

    @Test
    void anUnknownRegimeIs404() throws Exception {
        mvc.perform(get("/api/reports/regimes/KHONG_CO").with(ReportingTokens.reporter(HUE)))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value("regime-not-found"))
                .andExpect(jsonPath("$.title").value("Không tìm thấy chế độ báo cáo"));
    }

    @Test
    void anAdministratorAddsAnAdHocRegimeAndReplacesIt() throws Exception {
        create(AD_HOC)
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", "/api/reports/regimes/THIEN_TAI_2026"))
                .andExpect(jsonPath("$.frequency").value("AD_HOC"))
                .andExpect(jsonPath("$.deadlineDay").doesNotExist())
                .andExpect(jsonPath("$.adHocPeriods[0].period").value("DOT-1"))
                .andExpect(jsonPath("$.adHocPeriods[0].deadline").value("2026-11-12"))
                .andExpect(jsonPath("$.version").value(1));

        String changed =
                AD_HOC.replace("Báo cáo nhanh thiệt hại", "Báo cáo thiệt hại").replace("\"DOT-1\"", "\"DOT-2\"");
        mvc.perform(put("/api/reports/regimes/THIEN_TAI_2026")
                        .with(ReportingTokens.admin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(changed))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.name").value("Báo cáo thiệt hại do bão số 13"))
                .andExpect(jsonPath("$.adHocPeriods[*].period", containsInAnyOrder("DOT-2")))
                .andExpect(jsonPath("$.version").value(2));
        mvc.perform(get("/api/reports/regimes/THIEN_TAI_2026").with(ReportingTokens.reporter(HUE)))
                .andExpect(jsonPath("$.tables[0].indicators[0].code").value("HOUSES_DAMAGED"))
                .andExpect(jsonPath("$.version").value(2));
    }

    @Test
    void aCodeAlreadyUsedIs409() throws Exception {
        create(AD_HOC.replace("THIEN_TAI_2026", "TTHC_THANG"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("regime-exists"))
                .andExpect(jsonPath("$.errors[0].field").value("code"));
        mvc.perform(get("/api/reports/regimes/TTHC_THANG").with(ReportingTokens.admin()))
                .andExpect(jsonPath("$.frequency").value("MONTH"));
    }

    @Test
    void malformedRegimesNameTheFieldAndStoreNothing() throws Exception {
        create(AD_HOC.replace("\"code\":\"000.00.00.H57\"", "\"code\":\"HUE\""))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("agencies[0].code"));
        create(AD_HOC.replace("\"frequency\":\"AD_HOC\"", "\"frequency\":\"MONTH\""))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", containsInAnyOrder("deadlineDay", "periods")));
        create(AD_HOC.replace("\"frequency\":\"AD_HOC\"", "\"frequency\":\"MONTH\",\"deadlineDay\":10")
                        .replace(",\n \"periods\"", ",\n \"x\""))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", hasItem("deadlineDay")));
        create(AD_HOC.replace("\"min\":0", "\"min\":10,\"max\":5"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("tables[0].indicators[0].max"));
        create(AD_HOC.replace("\"type\":\"PERCENT\"", "\"type\":\"TEXT\""))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("tables[0].indicators[1].aggregation"));
        create(AD_HOC.replace("\"type\":\"PERCENT\"", "\"type\":\"PERCENTAGE\""))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("tables[0].indicators[1].type"));
        create(AD_HOC.replace("EVACUATED_SHARE", "HOUSES_DAMAGED"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("tables[0].indicators[1].code"));
        create(AD_HOC.replace("\"deadline\":\"2026-11-12\"", "\"deadline\":\"2026-11-10\""))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("periods[0].deadline"));
        create(AD_HOC.replace("\"legalBasis\":\"Công điện của Thủ tướng Chính phủ (thử nghiệm)\",", ""))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("legalBasis"));

        mvc.perform(get("/api/reports/regimes/THIEN_TAI_2026").with(ReportingTokens.admin()))
                .andExpect(status().isNotFound());
    }

    @Test
    void onlyPlatformAdministratorsChangeRegimes() throws Exception {
        mvc.perform(post("/api/reports/regimes")
                        .with(ReportingTokens.reporter(VPCP))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(AD_HOC))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.code").value("forbidden"));
        mvc.perform(put("/api/reports/regimes/TTHC_THANG")
                        .with(ReportingTokens.auditor())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(AD_HOC))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/reports/regimes")).andExpect(status().isUnauthorized());
        mvc.perform(put("/api/reports/regimes/KHONG_CO")
                        .with(ReportingTokens.admin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(AD_HOC.replace("THIEN_TAI_2026", "KHONG_CO")))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.code").value("regime-not-found"));
    }
}
