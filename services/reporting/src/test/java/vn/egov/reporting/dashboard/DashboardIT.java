package vn.egov.reporting.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import vn.egov.platform.testing.EgovIntegrationTest;
import vn.egov.reporting.kpi.FixedClock;
import vn.egov.reporting.kpi.KpiScenario;
import vn.egov.reporting.kpi.KpiTokens;

/**
 * The operations centre's page and the open data, over the scenario's events on real Kafka and PostgreSQL: who
 * sees what on the page, what the page says, and what the public files hold (small counts suppressed; the
 * threshold is 3 here so that both kinds of figure occur).
 */
@EgovIntegrationTest(
        properties = {
            "egov.reporting.kpi.topics.dossier=portal.dossier.v1.${egov.test.id}",
            "egov.reporting.kpi.topics.payment=portal.payment.v1.${egov.test.id}",
            "egov.reporting.kpi.topics.document=interchange.document.v1.${egov.test.id}",
            "egov.kafka.consumers.reporting-kpi[0]=portal.dossier.v1.${egov.test.id}",
            "egov.kafka.consumers.reporting-kpi[1]=portal.payment.v1.${egov.test.id}",
            "egov.kafka.consumers.reporting-kpi[2]=interchange.document.v1.${egov.test.id}",
            "egov.reporting.kpi.open-data-threshold=3"
        })
@AutoConfigureMockMvc
@Import(FixedClock.class)
class DashboardIT {

    @Autowired
    MockMvc mvc;

    @Value("${egov.test.id}")
    String testId;

    private static String sentFor;

    @BeforeEach
    void sendTheScenarioOnce() {
        if (!testId.equals(sentFor)) {
            new KpiScenario(testId).send();
            sentFor = testId;
        }
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> mvc.perform(get("/api/reports/kpis")
                        .param("period", KpiScenario.PERIOD)
                        .with(KpiTokens.operationsCentre()))
                .andExpect(jsonPath("$.indicators[?(@.code == 'ONLINE_FILING')].denominator")
                        .value(6))
                .andExpect(jsonPath("$.indicators[?(@.code == 'ELECTRONIC_DOCUMENTS')].denominator")
                        .value(4)));
    }

    @Test
    void theOperationsCentreSeesTheNationalFiguresEveryAgencyAndTheTrend() throws Exception {
        String html = page("/reports/dashboard?period=2026-11", KpiTokens.operationsCentre(), 200);
        assertThat(html).contains("<html lang=\"vi\"");
        assertThat(html).contains("Bảng điều hành chỉ tiêu Chính phủ điện tử", "Chỉ tiêu toàn quốc");
        assertThat(html).contains("15/10/2026", "14/11/2026");
        // national online filing 4 of 6 = 66,7% against ≥ 50%: met
        assertThat(row(html, "ONLINE_FILING")).contains("66,7%", "≥ 50%", "Đạt", "4/6");
        assertThat(row(html, "ELECTRONIC_DOCUMENTS")).contains("75,0%", "≥ 90%", "Chưa đạt", "3/4");
        assertThat(html).contains("data-agency=\"000.00.00.H57\"", "data-agency=\"000.00.00.G12\"");
        assertThat(html).contains("Xu hướng theo kỳ", "<svg");
        // six periods of trend, oldest first
        assertThat(html).contains(">2026-06<", ">2026-11<");
        // the monthly regime's filing completeness: nobody has filed yet, the deadline (20/11) not passed
        assertThat(html).contains("Tình hình gửi báo cáo định kỳ");
        String filings = row(html, "data-regime", "TTHC_THANG");
        assertThat(filings).contains("20/11/2026", "UBND tỉnh Thừa Thiên Huế (000.00.00.H57)");
        assertThat(filings).containsPattern("class=\"assigned\">2<");
        assertThat(filings).containsPattern("class=\"missing\">2<");
        assertThat(html).doesNotContain("<script", "style=\"");
    }

    @Test
    void theOperationsCentreOpensOneAgency() throws Exception {
        String html = page("/reports/dashboard?period=2026-11&agency=000.00.00.H57", KpiTokens.operationsCentre(), 200);
        assertThat(html).contains("Chỉ tiêu của cơ quan 000.00.00.H57");
        assertThat(row(html, "ONLINE_FILING")).contains("60,0%", "3/5");
        assertThat(row(html, "SATISFACTION")).contains("16,5", "2 lượt đánh giá");
    }

    @Test
    void anOfficerSeesTheirOwnAgencyOnly() throws Exception {
        String html = page("/reports/dashboard?period=2026-11", KpiTokens.officer(KpiScenario.HUE), 200);
        assertThat(html).contains("Chỉ tiêu của cơ quan 000.00.00.H57");
        assertThat(row(html, "ONLINE_FILING")).contains("60,0%");
        assertThat(html).doesNotContain("Chỉ tiêu toàn quốc", "data-agency=", "<select");
        // its own row of the filing completeness only
        assertThat(row(html, "data-regime", "TTHC_THANG")).containsPattern("class=\"assigned\">1<");
        assertThat(html).doesNotContain("Văn phòng Chính phủ (000.00.00.G22)");

        String refused = page("/reports/dashboard?agency=000.00.00.G12", KpiTokens.officer(KpiScenario.HUE), 403);
        assertThat(refused).contains("Bạn không có quyền xem bảng điều hành này.");
        page("/reports/dashboard", KpiTokens.citizen(), 403);
        mvc.perform(get("/reports/dashboard")).andExpect(status().isUnauthorized());
    }

    @Test
    void theStylesheetIsServedToSignedInUsers() throws Exception {
        mvc.perform(get("/reports/dashboard/dashboard.css").with(KpiTokens.officer(KpiScenario.HUE)))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith("text/css"));
    }

    @Test
    void openDataNeedsNoTokenAndSuppressesSmallCounts() throws Exception {
        mvc.perform(get("/api/reports/open-data/kpis.json").param("period", "2026-11"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.threshold").value(3))
                .andExpect(jsonPath("$.rows[?(@.agency == null && @.indicator == 'ONLINE_FILING')].value")
                        .value(66.7))
                .andExpect(
                        jsonPath("$.rows[?(@.agency == '000.00.00.H57' && @.indicator == 'ONLINE_FILING')].numerator")
                                .value(3))
                // 2 overdue dossiers, 2 ratings, 1 dossier of G12: below 3, suppressed
                .andExpect(jsonPath("$.rows[?(@.agency == '000.00.00.H57' && @.indicator == 'OVERDUE')].suppressed")
                        .value(true))
                .andExpect(jsonPath("$.rows[?(@.agency == '000.00.00.H57' && @.indicator == 'OVERDUE')].value")
                        .value(org.hamcrest.Matchers.contains(org.hamcrest.Matchers.nullValue())))
                .andExpect(
                        jsonPath("$.rows[?(@.agency == '000.00.00.H57' && @.indicator == 'SATISFACTION')].suppressed")
                                .value(true))
                .andExpect(
                        jsonPath("$.rows[?(@.agency == '000.00.00.G12' && @.indicator == 'ONLINE_FILING')].suppressed")
                                .value(true));

        String csv = mvc.perform(get("/api/reports/open-data/kpis.csv")
                        .param("period", "2026-11")
                        .param("agency", KpiScenario.HUE))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith("text/csv"))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(csv.lines().findFirst().orElseThrow())
                .isEqualTo(
                        "period,from,to,agency,indicator,name,unit,value,numerator,denominator,target,met,suppressed");
        assertThat(csv)
                .contains(
                        "2026-11,2026-10-15,2026-11-14,000.00.00.H57,ONLINE_FILING,\"Tỷ lệ hồ sơ nộp trực tuyến\",PERCENT,60.0,3,5,50.0,true,false");
        assertThat(csv).contains("000.00.00.H57,OVERDUE,\"Số hồ sơ quá hạn\",COUNT,,,,,,true");
        assertThat(csv.lines()).hasSize(10);

        mvc.perform(get("/api/reports/open-data/kpis.json").param("period", "last month"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].field").value("period"));
    }

    private String page(
            String url,
            org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors
                            .JwtRequestPostProcessor
                    token,
            int expected)
            throws Exception {
        return mvc.perform(get(url).with(token).accept(MediaType.TEXT_HTML))
                .andExpect(status().is(expected))
                .andExpect(content().contentTypeCompatibleWith(MediaType.TEXT_HTML))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    /** The table row of one indicator. */
    private static String row(String html, String code) {
        return row(html, "data-indicator", code);
    }

    private static String row(String html, String attribute, String code) {
        int start = html.indexOf(attribute + "=\"" + code + "\"");
        assertThat(start).as(code).isPositive();
        return html.substring(start, html.indexOf("</tr>", start));
    }
}
