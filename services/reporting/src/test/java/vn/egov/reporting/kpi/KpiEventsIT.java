package vn.egov.reporting.kpi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.egov.platform.deadletter.DeadLetter;
import vn.egov.platform.deadletter.DeadLetters;
import vn.egov.platform.testing.EgovIntegrationTest;
import vn.egov.platform.testing.TestKafka;

/**
 * The KPIs computed from the portal's and the interchange's events on real Kafka and PostgreSQL: late,
 * out-of-order and duplicated events give the figures the scenario states; broken records go to the dead-letter
 * topic with their reason while the rest is applied; a rebuild by replay gives the same figures; the
 * reconciliation check finds the drift between our counts and a source's.
 */
@EgovIntegrationTest(
        properties = {
            "egov.reporting.kpi.topics.dossier=portal.dossier.v1.${egov.test.id}",
            "egov.reporting.kpi.topics.payment=portal.payment.v1.${egov.test.id}",
            "egov.reporting.kpi.topics.document=interchange.document.v1.${egov.test.id}",
            "egov.kafka.consumers.reporting-kpi[0]=portal.dossier.v1.${egov.test.id}",
            "egov.kafka.consumers.reporting-kpi[1]=portal.payment.v1.${egov.test.id}",
            "egov.kafka.consumers.reporting-kpi[2]=interchange.document.v1.${egov.test.id}",
            "egov.kafka.retry.attempts=1",
            "egov.kafka.retry.initial-interval=100ms"
        })
@AutoConfigureMockMvc
@Import(FixedClock.class)
class KpiEventsIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** Stands in for the portal's and the interchange's statistics endpoints. */
    private static HttpServer sources;

    private static final Map<String, String> answers = new ConcurrentHashMap<>();
    private static final Map<String, String> authorizations = new ConcurrentHashMap<>();

    @Autowired
    MockMvc mvc;

    @Autowired
    DeadLetters deadLetters;

    @Value("${egov.test.id}")
    String testId;

    private static KpiScenario scenario;

    @BeforeAll
    static void startSources() throws IOException {
        sources = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        for (String path : List.of("/api/portal/statistics/dossiers", "/api/interchange/statistics/documents")) {
            sources.createContext(path, exchange -> {
                authorizations.put(
                        path, String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
                String body = answers.get(path + "?" + exchange.getRequestURI().getRawQuery());
                byte[] bytes = (body == null ? "{\"error\":\"unknown\"}" : body).getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", "application/json");
                exchange.sendResponseHeaders(body == null ? 500 : 200, bytes.length);
                exchange.getResponseBody().write(bytes);
                exchange.close();
            });
        }
        sources.start();
    }

    @AfterAll
    static void stopSources() {
        sources.stop(0);
    }

    @DynamicPropertySource
    static void sourceUrls(DynamicPropertyRegistry registry) {
        registry.add(
                "egov.reporting.kpi.sources.portal",
                () -> "http://127.0.0.1:" + sources.getAddress().getPort());
        registry.add(
                "egov.reporting.kpi.sources.interchange",
                () -> "http://127.0.0.1:" + sources.getAddress().getPort());
    }

    @BeforeEach
    void sendTheScenarioOnce() throws Exception {
        if (scenario == null || !scenario.dossierTopic.endsWith(testId)) {
            scenario = new KpiScenario(testId);
            scenario.send();
        }
        // every event applied: the last one sent on each topic shows in the figures
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            JsonNode national = kpis(null);
            assertThat(figure(national, "ONLINE_FILING").get("denominator").asLong())
                    .isEqualTo(6);
            assertThat(figure(national, "ONLINE_PAYMENT").get("denominator").asLong())
                    .isEqualTo(2);
            assertThat(figure(national, "ELECTRONIC_DOCUMENTS")
                            .get("denominator")
                            .asLong())
                    .isEqualTo(4);
        });
    }

    @Test
    void anAgencysFiguresFollowTheLatestVersionOfEachDossierWhateverTheOrderOfArrival() throws Exception {
        JsonNode hue = kpis(KpiScenario.HUE);
        assertThat(hue.get("period").asString()).isEqualTo("2026-11");
        assertThat(hue.get("from").asString()).isEqualTo("2026-10-15");
        assertThat(hue.get("to").asString()).isEqualTo("2026-11-14");
        assertFigure(hue, "ONLINE_FILING", "60.0", 3, 5, true);
        assertFigure(hue, "LEVEL4_SERVICES", "50.0", 2, 4, true);
        assertFigure(hue, "FULLY_ONLINE_DOSSIERS", "40.0", 2, 5, null);
        assertFigure(hue, "ON_TIME", "66.7", 2, 3, null);
        assertThat(figure(hue, "OVERDUE").get("value").asString()).isEqualTo("2");
        assertFigure(hue, "ONLINE_PAYMENT", "50.0", 1, 2, null);
        assertFigure(hue, "SATISFACTION", "16.5", 33, 2, null);
        assertFigure(hue, "ELECTRONIC_DOCUMENTS", "50.0", 1, 2, false);
        assertFigure(hue, "FEEDBACK_ON_TIME", "100.0", 1, 1, null);
        assertThat(figure(hue, "ELECTRONIC_DOCUMENTS").get("target").asDouble()).isEqualTo(90.0);
        assertThat(figure(hue, "ONLINE_FILING").get("name").asString()).isEqualTo("Tỷ lệ hồ sơ nộp trực tuyến");
    }

    @Test
    void theNationalFiguresAddUpEveryAgency() throws Exception {
        JsonNode national = kpis(null);
        assertThat(national.get("agency").isNull()).isTrue();
        assertFigure(national, "ONLINE_FILING", "66.7", 4, 6, true);
        assertFigure(national, "LEVEL4_SERVICES", "40.0", 2, 5, true);
        assertFigure(national, "ELECTRONIC_DOCUMENTS", "75.0", 3, 4, false);
        assertFigure(national, "FEEDBACK_ON_TIME", "25.0", 1, 4, null);

        MvcResult agencies = mvc.perform(get("/api/reports/kpis/agencies")
                        .param("period", KpiScenario.PERIOD)
                        .with(KpiTokens.operationsCentre()))
                .andExpect(status().isOk())
                .andReturn();
        JsonNode list = JSON.readTree(agencies.getResponse().getContentAsString(StandardCharsets.UTF_8));
        assertThat(list.valueStream().map(r -> r.get("agency").asString()))
                .containsExactly(KpiScenario.G12, KpiScenario.G22, KpiScenario.HUE);
        JsonNode g22 = list.get(1);
        assertFigure(g22, "ELECTRONIC_DOCUMENTS", "100.0", 2, 2, true);
        assertFigure(g22, "FEEDBACK_ON_TIME", "0.0", 0, 1, null);
        JsonNode g12 = list.get(0);
        assertFigure(g12, "FEEDBACK_ON_TIME", "0.0", 0, 2, null);
    }

    @Test
    void brokenRecordsGoToTheDeadLetterTopicWithTheirReasonAndTheRestIsApplied() {
        List<DeadLetter> letters = await().atMost(Duration.ofSeconds(30))
                .until(
                        () -> deadLetters.list("reporting-kpi", 100),
                        l -> l.stream()
                                        .filter(d -> scenario.notACloudEventKey.equals(d.key())
                                                || scenario.schemaBreakingKey.equals(d.key()))
                                        .count()
                                == 2);
        DeadLetter notACloudEvent = letters.stream()
                .filter(l -> scenario.notACloudEventKey.equals(l.key()))
                .findFirst()
                .orElseThrow();
        assertThat(notACloudEvent.originalTopic()).isEqualTo(scenario.dossierTopic);
        assertThat(notACloudEvent.deadLetterTopic()).isEqualTo(scenario.dossierTopic + ".reporting-kpi.dlt");
        // the batch consumer names the failing record; the reason is the contract check's
        assertThat(notACloudEvent.exceptionMessage()).contains("not a binary-mode CloudEvent");
        DeadLetter schemaBroken = letters.stream()
                .filter(l -> scenario.schemaBreakingKey.equals(l.key()))
                .findFirst()
                .orElseThrow();
        assertThat(schemaBroken.exceptionMessage()).contains("breaks the schema");
        assertThat(schemaBroken.exceptionMessage()).contains("status");
        // the records after them on the same partition were applied (d3..d6 are in the figures checked above)
        assertThat(TestKafka.records(scenario.dossierTopic + ".reporting-kpi.dlt"))
                .hasSize(2);
    }

    @Test
    void aRebuildByReplayGivesTheSameFigures() throws Exception {
        String before = figures();
        MvcResult started = mvc.perform(post("/api/reports/kpis/rebuild").with(KpiTokens.admin()))
                .andExpect(status().isAccepted())
                .andExpect(jsonPath("$.state").value("RUNNING"))
                .andReturn();
        String location = started.getResponse().getHeader("Location");
        assertThat(location).startsWith("/api/reports/kpis/rebuild/");

        JsonNode done = await().atMost(Duration.ofSeconds(60))
                .until(
                        () -> JSON.readTree(mvc.perform(get(location).with(KpiTokens.admin()))
                                .andReturn()
                                .getResponse()
                                .getContentAsString()),
                        run -> !run.get("state").asString().equals("RUNNING"));
        assertThat(done.get("state").asString()).isEqualTo("DONE");
        // every record but the two broken ones, which are skipped, as the live consumer dead-lettered them
        assertThat(done.get("events").asLong()).isEqualTo(scenario.records().size() - 2);
        assertThat(done.get("skipped").asLong()).isEqualTo(2);
        assertThat(figures()).isEqualTo(before);
    }

    @Test
    void onlyPlatformAdministratorsRebuild() throws Exception {
        mvc.perform(post("/api/reports/kpis/rebuild").with(KpiTokens.operationsCentre()))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.title").value("Chỉ dành cho quản trị nền tảng"));
    }

    @Test
    void theReconciliationReportsTheDriftBetweenOurCountsAndTheSources() throws Exception {
        answers.put(
                "/api/portal/statistics/dossiers?from=2026-10-15&to=2026-11-14&agency=000.00.00.H57",
                "{\"filed\":5,\"filedOnline\":3,\"done\":4}");
        answers.put(
                "/api/interchange/statistics/documents?from=2026-10-15&to=2026-11-14&sender=000.00.00.H57",
                "{\"documents\":2,\"deliveries\":2,\"delivered\":1}");
        mvc.perform(get("/api/reports/kpis/reconciliation")
                        .param("period", KpiScenario.PERIOD)
                        .param("agency", KpiScenario.HUE)
                        .with(KpiTokens.operationsCentre()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.consistent").value(false))
                .andExpect(jsonPath("$.sources[0].answered").value(true))
                .andExpect(jsonPath("$.sources[1].answered").value(true))
                .andExpect(jsonPath("$.items[?(@.measure == 'filed')].drift").value(0))
                .andExpect(
                        jsonPath("$.items[?(@.measure == 'filedOnline')].drift").value(0))
                .andExpect(jsonPath("$.items[?(@.measure == 'done')].ours").value(3))
                .andExpect(jsonPath("$.items[?(@.measure == 'done')].theirs").value(4))
                .andExpect(jsonPath("$.items[?(@.measure == 'done')].drift").value(-1))
                .andExpect(
                        jsonPath("$.items[?(@.measure == 'documents')].drift").value(0))
                .andExpect(
                        jsonPath("$.items[?(@.measure == 'delivered')].drift").value(0));
        assertThat(authorizations.get("/api/portal/statistics/dossiers")).isEqualTo("Bearer token-of-reporter.vpcp");

        // the portal agrees once it counts the same; a source that fails is reported, not hidden
        answers.put(
                "/api/portal/statistics/dossiers?from=2026-10-15&to=2026-11-14&agency=000.00.00.H57",
                "{\"filed\":5,\"filedOnline\":3,\"done\":3}");
        mvc.perform(get("/api/reports/kpis/reconciliation")
                        .param("period", KpiScenario.PERIOD)
                        .param("agency", KpiScenario.HUE)
                        .with(KpiTokens.operationsCentre()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.consistent").value(true));
        mvc.perform(get("/api/reports/kpis/reconciliation")
                        .param("period", KpiScenario.PERIOD)
                        .param("agency", KpiScenario.G12)
                        .with(KpiTokens.operationsCentre()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.consistent").value(false))
                .andExpect(jsonPath("$.sources[0].answered").value(false))
                .andExpect(jsonPath("$.items[?(@.measure == 'filed')].ours").value(1));
    }

    @Test
    void officersSeeTheirOwnAgencyOnly() throws Exception {
        mvc.perform(get("/api/reports/kpis")
                        .param("period", KpiScenario.PERIOD)
                        .with(KpiTokens.officer(KpiScenario.HUE)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.agency").value(KpiScenario.HUE));
        mvc.perform(get("/api/reports/kpis")
                        .param("period", KpiScenario.PERIOD)
                        .param("agency", KpiScenario.G12)
                        .with(KpiTokens.officer(KpiScenario.HUE)))
                .andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.title").value("Không được xem chỉ tiêu của cơ quan khác"));
        // a reporter of another ministry is not the operations centre
        mvc.perform(get("/api/reports/kpis/agencies")
                        .param("period", KpiScenario.PERIOD)
                        .with(KpiTokens.reporter(KpiScenario.G12)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(1))
                .andExpect(jsonPath("$[0].agency").value(KpiScenario.G12));
        mvc.perform(get("/api/reports/kpis").with(KpiTokens.citizen())).andExpect(status().isForbidden());
        mvc.perform(get("/api/reports/kpis")).andExpect(status().isUnauthorized());
    }

    @Test
    void aBadPeriodOrAgencyIsRefusedNamingTheParameter() throws Exception {
        mvc.perform(get("/api/reports/kpis").param("period", "2026-13").with(KpiTokens.operationsCentre()))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.title").value("Kỳ báo cáo không hợp lệ"))
                .andExpect(jsonPath("$.errors[0].field").value("period"));
        mvc.perform(get("/api/reports/kpis").param("agency", "h57; drop").with(KpiTokens.operationsCentre()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("agency"));
    }

    private String figures() throws Exception {
        StringBuilder all = new StringBuilder();
        for (String agency : java.util.Arrays.asList(null, KpiScenario.HUE, KpiScenario.G12, KpiScenario.G22)) {
            JsonNode report = kpis(agency);
            all.append(report.get("indicators").toString()).append('\n');
        }
        return all.toString();
    }

    private JsonNode kpis(String agency) throws Exception {
        var request =
                get("/api/reports/kpis").param("period", KpiScenario.PERIOD).with(KpiTokens.operationsCentre());
        Optional.ofNullable(agency).ifPresent(a -> request.param("agency", a));
        MvcResult result = mvc.perform(request).andExpect(status().isOk()).andReturn();
        return JSON.readTree(result.getResponse().getContentAsString(StandardCharsets.UTF_8));
    }

    static JsonNode figure(JsonNode report, String code) {
        return report.get("indicators")
                .valueStream()
                .filter(f -> f.get("code").asString().equals(code))
                .findFirst()
                .orElseThrow();
    }

    static void assertFigure(
            JsonNode report, String code, String value, long numerator, long denominator, Boolean met) {
        JsonNode f = figure(report, code);
        assertThat(f.get("value").asString()).as(code).isEqualTo(value);
        assertThat(f.get("numerator").asLong()).as(code).isEqualTo(numerator);
        assertThat(f.get("denominator").asLong()).as(code).isEqualTo(denominator);
        if (met == null) {
            assertThat(f.get("met").isNull()).as(code).isTrue();
        } else {
            assertThat(f.get("met").asBoolean()).as(code).isEqualTo(met);
        }
    }
}
