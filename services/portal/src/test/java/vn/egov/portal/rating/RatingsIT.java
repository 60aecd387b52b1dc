package vn.egov.portal.rating;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.YearMonth;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import vn.egov.platform.events.EventSchemas;
import vn.egov.platform.testing.TestTokens;
import vn.egov.portal.dossier.DossierEvents;
import vn.egov.portal.testing.PortalIntegrationTest;

/**
 * Citizens rate a dossier once after its result on the 9 indices; each agency's scores for a period are computed as
 * the decree says and published without anyone's identity.
 */
class RatingsIT extends PortalIntegrationTest {

    static final String HUE = "000.00.00.H57";
    static final String THUA_THIEN = "000.00.00.H46";
    static final String DA_NANG = "000.00.00.H43";
    static final String QUANG_TRI = "000.00.00.H45";
    static final String OWNER = "046099054321";
    static final AtomicInteger NUMBER = new AtomicInteger(3000);

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Clock clock;

    final EventSchemas schemas = new EventSchemas();

    @BeforeEach
    void procedures() {
        procedure("9.300001", HUE, "UBND thành phố Huế");
        procedure("9.300002", DA_NANG, "UBND thành phố Đà Nẵng");
        procedure("9.300003", QUANG_TRI, "UBND tỉnh Quảng Trị");
        procedure("9.300004", THUA_THIEN, "Sở Tư pháp tỉnh Thừa Thiên Huế");
    }

    @Test
    void theOwnerRatesAReturnedDossierOnceAndTheRatingIsPublishedAsAnEvent() throws Exception {
        UUID dossier = dossier("9.300001", HUE, OWNER, 10);

        rate(dossier, OWNER, "[2,2,1,2,2,2,2,2,1]")
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.total").value(16))
                .andExpect(jsonPath("$.scores.length()").value(9));
        mvc.perform(get("/api/portal/dossiers/{id}/rating", dossier).with(TestTokens.citizen(OWNER)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.scores[2]").value(1));

        List<String> events = ratedEvents(dossier);
        assertThat(events).hasSize(1);
        assertThat(schemas.problems(DossierEvents.RATED, events.get(0))).isEmpty();
        assertThat((Integer) JsonPath.read(events.get(0), "$.total")).isEqualTo(16);
        assertThat((String) JsonPath.read(events.get(0), "$.agencyCode")).isEqualTo(HUE);
        assertThat(events.get(0)).doesNotContain(OWNER);

        // a second rating is refused and changes nothing
        rate(dossier, OWNER, "[0,0,0,0,0,0,0,0,0]")
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("already-rated"));
        mvc.perform(get("/api/portal/dossiers/{id}/rating", dossier).with(TestTokens.citizen(OWNER)))
                .andExpect(jsonPath("$.total").value(16));
        assertThat(ratedEvents(dossier)).hasSize(1);
    }

    @Test
    void aDossierWithoutResultCannotBeRated() throws Exception {
        for (int status : new int[] {1, 2, 4, 5, 6}) {
            UUID dossier = dossier("9.300001", HUE, OWNER, status);
            rate(dossier, OWNER, "[2,2,2,2,2,2,2,2,2]")
                    .andExpect(status().isConflict())
                    .andExpect(jsonPath("$.code").value("no-result-yet"));
            assertThat(ratedEvents(dossier)).isEmpty();
            mvc.perform(get("/api/portal/dossiers/{id}/rating", dossier).with(TestTokens.citizen(OWNER)))
                    .andExpect(status().isNotFound());
        }
    }

    @Test
    void badScoresAreRefusedFieldByField() throws Exception {
        UUID dossier = dossier("9.300001", HUE, OWNER, 9);
        rate(dossier, OWNER, "[2,2,2,2,2,2,2,2]")
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("invalid-rating"))
                .andExpect(jsonPath("$.errors[0].field").value("scores"));
        rate(dossier, OWNER, "[2,2,3,2,2,2,2,2,-1]")
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors.length()").value(2))
                .andExpect(jsonPath("$.errors[0].field").value("scores[2]"))
                .andExpect(jsonPath("$.errors[1].field").value("scores[8]"))
                .andExpect(jsonPath("$.errors[0].reason").value("điểm phải là 0, 1 hoặc 2"));
        rate(dossier, OWNER, "[\"hai\",2,1.5,2,2,2,2,2,2]")
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("scores[0]"))
                .andExpect(jsonPath("$.errors[1].field").value("scores[2]"));
        mvc.perform(post("/api/portal/dossiers/{id}/rating", dossier)
                        .with(TestTokens.citizen(OWNER))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{}"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("scores"));
        // not the owner, not a citizen
        rate(dossier, "001099000009", "[2,2,2,2,2,2,2,2,2]").andExpect(status().isNotFound());
        mvc.perform(post("/api/portal/dossiers/{id}/rating", dossier)
                        .with(TestTokens.staff("officer.hue", HUE, "officer"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"scores\":[2,2,2,2,2,2,2,2,2]}"))
                .andExpect(status().isForbidden());
        assertThat(ratedEvents(dossier)).isEmpty();
    }

    @Test
    void agencyScoresAreComputedAsTheDecreeSaysAndPublishedWithoutPersonalData() throws Exception {
        rate(dossier("9.300004", THUA_THIEN, "046099000001", 10), "046099000001", "[2,2,2,2,2,2,2,2,2]")
                .andExpect(status().isCreated());
        rate(dossier("9.300004", THUA_THIEN, "046099000002", 10), "046099000002", "[2,2,2,2,2,2,2,2,1]")
                .andExpect(status().isCreated());
        rate(dossier("9.300004", THUA_THIEN, "046099000003", 9), "046099000003", "[1,2,2,2,2,2,2,2,0]")
                .andExpect(status().isCreated());
        rate(dossier("9.300002", DA_NANG, "048099000004", 10), "048099000004", "[1,1,1,1,1,1,1,1,1]")
                .andExpect(status().isCreated());
        rate(dossier("9.300003", QUANG_TRI, "045099000005", 10), "045099000005", "[1,1,1,1,1,1,0,0,0]")
                .andExpect(status().isCreated());
        String month = YearMonth.now(clock.withZone(java.time.ZoneId.of("Asia/Ho_Chi_Minh")))
                .toString();

        String published = mvc.perform(get("/api/portal/ratings/agencies").param("period", month))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.indices.length()").value(9))
                .andExpect(jsonPath("$.agencies[?(@.agencyCode == '" + THUA_THIEN + "')].dossiers")
                        .value(3))
                .andExpect(jsonPath("$.agencies[?(@.agencyCode == '" + THUA_THIEN + "')].agencyName")
                        .value("Sở Tư pháp tỉnh Thừa Thiên Huế"))
                .andExpect(jsonPath("$.agencies[?(@.agencyCode == '" + THUA_THIEN + "')].indexScores[0]")
                        .value(1.7))
                .andExpect(jsonPath("$.agencies[?(@.agencyCode == '" + THUA_THIEN + "')].indexScores[1]")
                        .value(2.0))
                .andExpect(jsonPath("$.agencies[?(@.agencyCode == '" + THUA_THIEN + "')].indexScores[8]")
                        .value(1.0))
                .andExpect(jsonPath("$.agencies[?(@.agencyCode == '" + THUA_THIEN + "')].total")
                        .value(16.7))
                .andExpect(jsonPath("$.agencies[?(@.agencyCode == '" + THUA_THIEN + "')].classification")
                        .value("EXCELLENT"))
                .andExpect(jsonPath("$.agencies[?(@.agencyCode == '" + DA_NANG + "')].total")
                        .value(9.0))
                .andExpect(jsonPath("$.agencies[?(@.agencyCode == '" + DA_NANG + "')].classificationLabel")
                        .value("Khá"))
                .andExpect(jsonPath("$.agencies[?(@.agencyCode == '" + QUANG_TRI + "')].total")
                        .value(6.0))
                .andExpect(jsonPath("$.agencies[?(@.agencyCode == '" + QUANG_TRI + "')].classification")
                        .value("AVERAGE"))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(published).doesNotContain("046099000001", "048099000004", "045099000005", "dossierId", "261127-");

        mvc.perform(get("/api/portal/ratings/agencies").param("period", "2019"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.agencies.length()").value(0));
        mvc.perform(get("/api/portal/ratings/agencies").param("period", "tháng 11"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("period"));
    }

    private ResultActions rate(UUID dossier, String pid, String scores) throws Exception {
        return mvc.perform(post("/api/portal/dossiers/{id}/rating", dossier)
                .with(TestTokens.citizen(pid))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"scores\":" + scores + "}"));
    }

    private List<String> ratedEvents(UUID dossier) {
        return jdbc.sql("select data::text from outbox_event where subject = ? and type = ? order by position")
                .params(dossier.toString(), DossierEvents.RATED)
                .query(String.class)
                .list();
    }

    private void procedure(String code, String agency, String agencyName) {
        jdbc.sql("""
                        insert into procedure (code, name, field_code, field_name, agency_code, agency_name, level,
                          fully_online, time_limit_days, form_schema)
                        values (?, 'Thủ tục thử', 'LV-01', 'Lĩnh vực thử', ?, ?, 4, true, 3, '{"type":"object"}')
                        on conflict do nothing""").params(code, agency, agencyName).update();
    }

    private UUID dossier(String procedure, String agency, String owner, int status) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                        insert into dossier (id, code, procedure_code, agency_code, applicant_pid, status, created_at,
                          updated_at, submitted_at)
                        values (?, ?, ?, ?, ?, ?, now(), now(), now())""")
                .params(id, agency + "-261127-" + NUMBER.incrementAndGet(), procedure, agency, owner, status)
                .update();
        return id;
    }
}
