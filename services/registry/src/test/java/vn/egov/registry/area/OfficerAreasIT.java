package vn.egov.registry.area;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.sql.Connection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.JwtRequestPostProcessor;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.ResultActions;
import vn.egov.registry.testing.RegistryIntegrationTest;
import vn.egov.registry.testing.Tokens;

/**
 * Officers of civil registration act only in their agency's area (application.yaml: {@code 000.00.00.H57}
 * UBND thành phố Huế → Huế (46); {@code 000.00.00.G22} Văn phòng Chính phủ → national), deny by default.
 */
class OfficerAreasIT extends RegistryIntegrationTest {

    static final JwtRequestPostProcessor HUE = Tokens.officerHue();
    static final JwtRequestPostProcessor NATIONAL = Tokens.officer();
    static final JwtRequestPostProcessor NO_AREA =
            Tokens.token("officer.k99", "egov-web", null, "000.00.00.K99", "openid", "officer");
    static final JwtRequestPostProcessor NO_AGENCY =
            Tokens.token("officer.none", "egov-web", null, null, "openid", "officer");

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DataSource dataSource;

    static String birth(String name, String registrationCommune, String residenceCommune) {
        return """
                {"fullName":"%s","dateOfBirth":"2026-01-15","sex":"FEMALE","birthRegistrationCommune":"%s",
                 "ethnicCode":"01","mother":{"name":"Trần Thị Mai"},
                 "permanentResidence":{"communeCode":"%s","addressLine":"3 Lê Lợi"}}""".formatted(name, registrationCommune, residenceCommune);
    }

    ResultActions registerBirth(JwtRequestPostProcessor officer, String body) throws Exception {
        return mvc.perform(post("/api/registry/births")
                .with(officer)
                .contentType(MediaType.APPLICATION_JSON)
                .content(body));
    }

    String register(JwtRequestPostProcessor officer, String name, String commune) throws Exception {
        return JsonPath.read(
                registerBirth(officer, birth(name, commune, commune))
                        .andExpect(status().isCreated())
                        .andReturn()
                        .getResponse()
                        .getContentAsString(),
                "$.pid");
    }

    ResultActions write(JwtRequestPostProcessor officer, String pid, String what, String ifMatch, String body)
            throws Exception {
        return mvc.perform(post("/api/registry/citizens/{pid}/" + what, pid)
                .with(officer)
                .header("If-Match", ifMatch)
                .contentType(MediaType.APPLICATION_JSON)
                .content(body));
    }

    long count(String sql, Object... params) {
        return jdbc.sql(sql).params(params).query(Long.class).single();
    }

    List<Map<String, Object>> log(String subject) {
        return jdbc.sql("select * from access_log where subject_pid = ? order by seq")
                .param(subject)
                .query()
                .listOfRows();
    }

    static void refusedOutside(ResultActions result) throws Exception {
        result.andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value("outside-officer-area"));
    }

    @Test
    void anOfficerRegistersABirthInTheirProvince_andNotInAnother() throws Exception {
        registerBirth(HUE, birth("Lê Thị Hằng", "46-001", "46-002"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.pid").value(org.hamcrest.Matchers.startsWith("046")));

        long citizens = count("select count(*) from citizen");
        long numbers = count("select count(*) from issued_pid");
        long events = count("select count(*) from outbox_event");
        // registered in Hà Nội: outside Huế
        refusedOutside(registerBirth(HUE, birth("Lê Thị Hạnh", "01-001", "01-001"))
                .andExpect(jsonPath("$.errors[0].field").value("birthRegistrationCommune"))
                .andExpect(jsonPath("$.errors[0].reason").value(containsString("Hà Nội (01)")))
                .andExpect(jsonPath("$.detail").value(containsString("Huế (46)"))));
        // registered in Huế but with a permanent residence declared in Hà Nội
        refusedOutside(registerBirth(HUE, birth("Lê Thị Hạnh", "46-001", "01-002"))
                .andExpect(jsonPath("$.errors[0].field").value("permanentResidence.communeCode")));
        assertThat(count("select count(*) from citizen")).isEqualTo(citizens);
        assertThat(count("select count(*) from issued_pid")).isEqualTo(numbers);
        assertThat(count("select count(*) from outbox_event")).isEqualTo(events);
    }

    @Test
    void aNewbornJoinsOnlyAHouseholdOfTheArea_andAnotherAreasHouseholdAnswersLikeAnUnknownNumber() throws Exception {
        jdbc.sql("""
                        insert into household (id, number, commune_code, address_line, created_at) values
                        (gen_random_uuid(), 'HK4600000001', '46-001', '4 Lê Lợi', now()),
                        (gen_random_uuid(), 'HK0100000001', '01-001', '9 Hàng Bài', now())""").update();
        String withHousehold = """
                {"fullName":"%s","dateOfBirth":"2026-01-20","sex":"MALE","birthRegistrationCommune":"46-001",
                 "ethnicCode":"01","mother":{"name":"Trần Thị Mai"},"household":{"number":"%s","relationship":"CHILD"},
                 "permanentResidence":{"communeCode":"46-001","addressLine":"4 Lê Lợi"}}""";
        long citizens = count("select count(*) from citizen");

        String hanoi = registerBirth(HUE, withHousehold.formatted("Lê Văn Tùng", "HK0100000001"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("household.number"))
                .andReturn()
                .getResponse()
                .getContentAsString();
        String unknown = registerBirth(HUE, withHousehold.formatted("Lê Văn Tùng", "HK9900000009"))
                .andExpect(status().isBadRequest())
                .andReturn()
                .getResponse()
                .getContentAsString();
        // the same answer, but for the number itself
        assertThat(hanoi.replace("HK0100000001", "HK9900000009")).isEqualTo(unknown);
        assertThat(count("select count(*) from citizen")).isEqualTo(citizens);

        // a household of Huế: the newborn joins it
        String pid = JsonPath.read(
                registerBirth(HUE, withHousehold.formatted("Lê Văn Tùng", "HK4600000001"))
                        .andExpect(status().isCreated())
                        .andReturn()
                        .getResponse()
                        .getContentAsString(),
                "$.pid");
        mvc.perform(get("/api/registry/citizens/{pid}/record", pid).with(HUE))
                .andExpect(jsonPath("$.household.number").value("HK4600000001"));
    }

    @Test
    void anOfficerIsRefusedForACitizenOfAnotherProvince_nothingChanges_andTheCitizenSeesTheAttempt() throws Exception {
        String pid = register(NATIONAL, "Phạm Thu Trang", "01-001");

        // the whole record: refused, and the refusal is in the citizen's access log
        refusedOutside(
                mvc.perform(get("/api/registry/citizens/{pid}/record", pid).with(HUE))
                        .andExpect(jsonPath("$.fullName").doesNotExist())
                        .andExpect(jsonPath("$.errors[0].field").value("pid"))
                        .andExpect(jsonPath("$.errors[0].reason").value(not(containsString("Hà Nội"))))
                        .andExpect(jsonPath("$.detail").value(not(containsString("Hà Nội")))));

        // every life event and a correction: refused
        refusedOutside(write(HUE, pid, "death", "\"0\"", "{\"dateOfDeath\":\"2026-02-01\"}"));
        refusedOutside(write(
                HUE, pid, "corrections", "\"0\"", "{\"fullName\":\"Phạm Thu Hà\",\"reason\":\"Ghi sai họ tên\"}"));
        refusedOutside(write(HUE, pid, "corrections", "\"0\"", "{\"clear\":[\"homeTown\"],\"reason\":\"Ghi sai\"}"));
        // a change of residence, even into Huế: the citizen is not (yet) the Huế officer's to move
        refusedOutside(write(
                        HUE,
                        pid,
                        "residence-changes",
                        "\"0\"",
                        "{\"kind\":\"PERMANENT\",\"communeCode\":\"46-002\",\"addressLine\":\"5 Lê Lợi\","
                                + "\"validFrom\":\"2026-01-20\"}")
                .andExpect(jsonPath("$.errors[0].field").value("pid")));

        // a correction request the citizen filed: not in the Huế officer's queue, and not decidable by them
        String request = JsonPath.read(
                mvc.perform(post("/api/registry/me/correction-requests")
                                .with(Tokens.citizen(pid))
                                .contentType(MediaType.APPLICATION_JSON)
                                .content("{\"field\":\"homeTown\",\"proposedValue\":\"Kim Liên, Nghệ An\","
                                        + "\"reason\":\"Ghi sai quê quán\"}"))
                        .andExpect(status().isCreated())
                        .andReturn()
                        .getResponse()
                        .getContentAsString(),
                "$.id");
        mvc.perform(get("/api/registry/correction-requests").with(HUE))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.id == '" + request + "')]").isEmpty());
        refusedOutside(mvc.perform(post("/api/registry/correction-requests/{id}/decision", request)
                .with(HUE)
                .header("If-Match", "\"0\"")
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"decision\":\"ACCEPTED\"}")));
        refusedOutside(mvc.perform(post("/api/registry/correction-requests/{id}/decision", request)
                .with(HUE)
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"decision\":\"REJECTED\"}")));

        // nothing changed: same version, same values, still alive, request pending, no event but the birth
        String record = mvc.perform(
                        get("/api/registry/citizens/{pid}/record", pid).with(NATIONAL))
                .andExpect(status().isOk())
                .andExpect(header().string("ETag", "\"0\""))
                .andExpect(jsonPath("$.fullName").value("Phạm Thu Trang"))
                .andExpect(jsonPath("$.status.status").value("ALIVE"))
                .andExpect(jsonPath("$.permanentResidence.communeCode").value("01-001"))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(JsonPath.<String>read(record, "$.homeTown")).isNull();
        assertThat(count("select count(*) from residence r join citizen c on c.id = r.citizen_id where c.pid = ?", pid))
                .isEqualTo(1);
        assertThat(count("select count(*) from outbox_event where data->>'pid' = ?", pid))
                .isEqualTo(1);
        assertThat(jdbc.sql("select status from correction_request where id = ?::uuid")
                        .param(request)
                        .query(String.class)
                        .single())
                .isEqualTo("PENDING");

        // the citizen sees each refused attempt of the Huế officer in their access log
        List<Map<String, Object>> denied = log(pid).stream()
                .filter(e -> "officer.hue".equals(e.get("username")))
                .toList();
        assertThat(denied).allSatisfy(e -> {
            assertThat(e).containsEntry("outcome", "DENIED").containsEntry("reason", "outside-officer-area");
            assertThat(e).containsEntry("agency_code", "000.00.00.H57");
        });
        assertThat(denied)
                .extracting(e -> e.get("reference"))
                .containsExactly(
                        null,
                        "death",
                        "correction",
                        "correction",
                        "residence-change",
                        "correction-request",
                        "correction-request");
        mvc.perform(get("/api/registry/me/access-log").with(Tokens.citizen(pid)))
                .andExpect(jsonPath("$[?(@.username == 'officer.hue' && @.outcome == 'DENIED')]", pid)
                        .value(org.hamcrest.Matchers.hasSize(7)));
    }

    @Test
    void aNationalAgencyActsAnywhere_andAMoveIntoTheAreaBringsTheCitizenIn() throws Exception {
        String hanoi = register(NATIONAL, "Ngô Bảo Châu", "01-002");
        String saigon = register(NATIONAL, "Ngô Thanh Vân", "79-001");
        write(NATIONAL, saigon, "death", "\"0\"", "{\"dateOfDeath\":\"2026-02-02\"}")
                .andExpect(status().isOk());
        write(NATIONAL, hanoi, "corrections", "\"0\"", "{\"homeTown\":\"Nghệ An\",\"reason\":\"Bổ sung\"}")
                .andExpect(status().isOk())
                .andExpect(header().string("ETag", "\"1\""));

        // the Huế officer cannot pull a Hà Nội citizen into Huế (and then read and change their record)…
        String moveToHue = "{\"kind\":\"PERMANENT\",\"communeCode\":\"46-002\",\"addressLine\":\"10 Lê Lợi\","
                + "\"validFrom\":\"2026-02-10\"}";
        refusedOutside(write(HUE, hanoi, "residence-changes", "\"1\"", moveToHue));
        refusedOutside(
                mvc.perform(get("/api/registry/citizens/{pid}/record", hanoi).with(HUE)));
        // …a national agency records the move…
        write(NATIONAL, hanoi, "residence-changes", "\"1\"", moveToHue)
                .andExpect(status().isOk())
                .andExpect(header().string("ETag", "\"2\""));
        // …and from then on the citizen is in Huế
        mvc.perform(get("/api/registry/citizens/{pid}/record", hanoi).with(HUE))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.permanentResidence.provinceName").value("Huế"));
        // the Huế officer records the citizen's move on to Hà Nội (the origin's officers may), and loses them
        write(
                        HUE,
                        hanoi,
                        "residence-changes",
                        "\"2\"",
                        "{\"kind\":\"PERMANENT\",\"communeCode\":\"01-001\",\"addressLine\":\"2 Hàng Bài\","
                                + "\"validFrom\":\"2026-02-20\"}")
                .andExpect(status().isOk())
                .andExpect(header().string("ETag", "\"3\""));
        refusedOutside(
                mvc.perform(get("/api/registry/citizens/{pid}/record", hanoi).with(HUE)));

        // a citizen of Huế who died (residences closed) stays in Huế: their last permanent residence
        String hue = register(NATIONAL, "Tôn Nữ Thị Hà", "46-001");
        write(HUE, hue, "death", "\"0\"", "{\"dateOfDeath\":\"2026-02-03\"}").andExpect(status().isOk());
        write(HUE, hue, "corrections", "\"1\"", "{\"otherNames\":\"Hà\",\"reason\":\"Bổ sung tên gọi khác\"}")
                .andExpect(status().isOk());
        refusedOutside(
                mvc.perform(get("/api/registry/citizens/{pid}/record", saigon).with(HUE))
                        .andExpect(jsonPath("$.detail").value(not(containsString("Hồ Chí Minh")))));
        // a refused correction: the auditor sees what the refusal rested on (the last permanent residence)
        refusedOutside(write(HUE, saigon, "corrections", "\"1\"", "{\"otherNames\":\"Vân\",\"reason\":\"x\"}"));
        assertThat(log(saigon))
                .filteredOn(e -> "officer.hue".equals(e.get("username")))
                .extracting(e ->
                        e.get("outcome") + " " + e.get("reason") + " " + e.get("reference") + " " + e.get("fields"))
                .last()
                .isEqualTo("DENIED outside-officer-area correction permanentResidence");
    }

    /** A request about a number. */
    interface Probe {
        ResultActions apply(String pid) throws Exception;
    }

    @Test
    void aProvincialOfficerGetsTheSameAnswerForAnUnknownNumberAsForACitizenOfAnotherProvince() throws Exception {
        String hanoi = register(NATIONAL, "Vũ Đức Đam", "01-002");
        String unknown = "001099999997";
        assertThat(count("select count(*) from citizen where pid = ?", unknown)).isZero();
        String move = "{\"kind\":\"PERMANENT\",\"communeCode\":\"46-002\",\"addressLine\":\"10 Lê Lợi\","
                + "\"validFrom\":\"2026-02-10\"}";
        List<Probe> probes = List.of(
                pid -> mvc.perform(
                        get("/api/registry/citizens/{pid}/record", pid).with(HUE)),
                pid -> write(HUE, pid, "death", "\"0\"", "{\"dateOfDeath\":\"2026-02-01\"}"),
                pid -> write(HUE, pid, "corrections", "\"0\"", "{\"homeTown\":\"Huế\",\"reason\":\"Ghi sai\"}"),
                pid -> write(HUE, pid, "residence-changes", "\"0\"", move),
                // a wrong version is not a probe either: the area comes first
                pid -> write(HUE, pid, "residence-changes", "\"7\"", move));
        for (var probe : probes) {
            String existing = probe.apply(hanoi)
                    .andExpect(status().isForbidden())
                    .andExpect(jsonPath("$.code").value("outside-officer-area"))
                    .andExpect(jsonPath("$.errors[0].field").value("pid"))
                    .andReturn()
                    .getResponse()
                    .getContentAsString();
            String missing = probe.apply(unknown)
                    .andExpect(status().isForbidden())
                    .andReturn()
                    .getResponse()
                    .getContentAsString();
            assertThat(existing.replace(hanoi, unknown)).isEqualTo(missing);
            assertThat(existing).doesNotContain("Hà Nội");
        }
        // a national agency is told the number is unknown
        mvc.perform(get("/api/registry/citizens/{pid}/record", unknown).with(NATIONAL))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.code").value("citizen-not-found"));
        write(NATIONAL, unknown, "residence-changes", "\"0\"", move).andExpect(status().isNotFound());
        // nothing changed for the citizen, and each refusal is in their access log
        mvc.perform(get("/api/registry/citizens/{pid}/record", hanoi).with(NATIONAL))
                .andExpect(header().string("ETag", "\"0\""))
                .andExpect(jsonPath("$.permanentResidence.communeCode").value("01-002"));
        assertThat(log(hanoi))
                .filteredOn(e -> "officer.hue".equals(e.get("username")))
                .hasSize(probes.size());
    }

    @Test
    void everyResidenceChangeAttemptIsInTheCitizensAccessLog() throws Exception {
        String pid = register(NATIONAL, "Lý Thị Thu", "46-001");
        String move = "{\"kind\":\"TEMPORARY\",\"communeCode\":\"46-002\",\"addressLine\":\"7 Hùng Vương\","
                + "\"validFrom\":\"2026-02-01\"}";
        // a stale version: 412, nothing changed, but the attempt is logged
        write(HUE, pid, "residence-changes", "\"5\"", move).andExpect(status().isPreconditionFailed());
        // an agency without an area
        write(NO_AREA, pid, "residence-changes", "\"0\"", move)
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.code").value("no-officer-area"));
        // granted
        write(HUE, pid, "residence-changes", "\"0\"", move)
                .andExpect(status().isOk())
                .andExpect(header().string("ETag", "\"1\""));

        assertThat(log(pid).stream()
                        .filter(e -> "residence-change".equals(e.get("reference")))
                        .map(e -> e.get("username") + " " + e.get("outcome") + " " + e.get("reason") + " "
                                + e.get("purpose_code")))
                .containsExactly(
                        "officer.hue DENIED stale-version civil-registration",
                        "officer.k99 DENIED no-officer-area civil-registration",
                        "officer.hue GRANTED null civil-registration");
        assertThat(count("select count(*) from residence r join citizen c on c.id = r.citizen_id where c.pid = ?", pid))
                .isEqualTo(2);
    }

    @Test
    void aDecisionWaitsForAConcurrentMove_andIsRefusedOnceTheCitizenHasLeftTheArea() throws Exception {
        String pid = register(NATIONAL, "Hồ Thị Lan", "46-001");
        String request = JsonPath.read(
                mvc.perform(post("/api/registry/me/correction-requests")
                                .with(Tokens.citizen(pid))
                                .contentType(MediaType.APPLICATION_JSON)
                                .content("{\"field\":\"homeTown\",\"proposedValue\":\"Phú Vang, Huế\","
                                        + "\"reason\":\"Bổ sung quê quán\"}"))
                        .andExpect(status().isCreated())
                        .andReturn()
                        .getResponse()
                        .getContentAsString(),
                "$.id");
        ExecutorService officer = Executors.newSingleThreadExecutor();
        try (Connection move = dataSource.getConnection()) {
            // another transaction moves the citizen's permanent residence to Hà Nội and has not committed yet
            move.setAutoCommit(false);
            try (var lock = move.prepareStatement("select id from citizen where pid = ? for update")) {
                lock.setString(1, pid);
                lock.executeQuery().close();
            }
            try (var update = move.prepareStatement("""
                    update residence set commune_code = '01-001'
                    where citizen_id = (select id from citizen where pid = ?) and kind = 'PERMANENT'
                      and valid_to is null""")) {
                update.setString(1, pid);
                assertThat(update.executeUpdate()).isOne();
            }
            // the Huế officer accepts the request meanwhile…
            Future<MvcResult> decision =
                    officer.submit(() -> mvc.perform(post("/api/registry/correction-requests/{id}/decision", request)
                                    .with(HUE)
                                    .header("If-Match", "\"0\"")
                                    .contentType(MediaType.APPLICATION_JSON)
                                    .content("{\"decision\":\"ACCEPTED\"}"))
                            .andReturn());
            Thread.sleep(1_500);
            assertThat(decision).isNotDone();
            move.commit();
            // …and the decision, made after the move, is refused: the citizen is no longer in Huế
            MvcResult answer = decision.get(60, TimeUnit.SECONDS);
            assertThat(answer.getResponse().getStatus()).isEqualTo(403);
            assertThat(answer.getResponse().getContentAsString()).contains("outside-officer-area");
        } finally {
            officer.shutdownNow();
        }
        // the request is still pending and nothing was corrected
        assertThat(jdbc.sql("select status from correction_request where id = ?::uuid")
                        .param(request)
                        .query(String.class)
                        .single())
                .isEqualTo("PENDING");
        String record = mvc.perform(
                        get("/api/registry/citizens/{pid}/record", pid).with(NATIONAL))
                .andExpect(header().string("ETag", "\"0\""))
                .andExpect(jsonPath("$.permanentResidence.provinceName").value("Hà Nội"))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(JsonPath.<String>read(record, "$.homeTown")).isNull();
    }

    @Test
    void anAgencyWithoutAnAreaIsRefusedEverything() throws Exception {
        String pid = register(NATIONAL, "Đinh Văn Toàn", "46-001");
        for (JwtRequestPostProcessor officer : List.of(NO_AREA, NO_AGENCY)) {
            registerBirth(officer, birth("Đinh Thị Yến", "46-001", "46-001"))
                    .andExpect(status().isForbidden())
                    .andExpect(jsonPath("$.code").value("no-officer-area"))
                    .andExpect(jsonPath("$.detail").value(containsString("chưa được giao địa bàn")));
            mvc.perform(get("/api/registry/citizens/{pid}/record", pid).with(officer))
                    .andExpect(status().isForbidden())
                    .andExpect(jsonPath("$.code").value("no-officer-area"));
            write(officer, pid, "death", "\"0\"", "{\"dateOfDeath\":\"2026-02-01\"}")
                    .andExpect(status().isForbidden())
                    .andExpect(jsonPath("$.code").value("no-officer-area"));
            mvc.perform(get("/api/registry/citizens").with(officer).param("name", "dinh van"))
                    .andExpect(status().isForbidden())
                    .andExpect(jsonPath("$.code").value("no-officer-area"));
            mvc.perform(get("/api/registry/correction-requests").with(officer))
                    .andExpect(status().isForbidden())
                    .andExpect(jsonPath("$.code").value("no-officer-area"));
        }
        assertThat(count("select count(*) from citizen where full_name = 'Đinh Thị Yến'"))
                .isZero();
        mvc.perform(get("/api/registry/citizens/{pid}/record", pid).with(NATIONAL))
                .andExpect(header().string("ETag", "\"0\""))
                .andExpect(jsonPath("$.status.status").value("ALIVE"));
        // the refused reads of the record are logged
        assertThat(log(pid).stream()
                        .filter(e -> "DENIED".equals(e.get("outcome")))
                        .map(e -> e.get("reason")))
                .containsExactly("no-officer-area", "no-officer-area");
    }

    @Test
    void nameSearchReturnsOnlyTheCitizensOfTheArea() throws Exception {
        String inHue = register(NATIONAL, "Hoàng Minh Khang", "46-002");
        String inHanoi = register(NATIONAL, "Hoàng Minh Khôi", "01-003");

        mvc.perform(get("/api/registry/citizens").with(HUE).param("name", "hoang minh kh"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(1))
                .andExpect(jsonPath("$[0].pid").value(inHue));
        mvc.perform(get("/api/registry/citizens").with(NATIONAL).param("name", "hoang minh kh"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(2));
        // what was not returned was not read
        assertThat(log(inHanoi)).noneMatch(e -> "officer.hue".equals(e.get("username")));
        assertThat(log(inHue))
                .anySatisfy(e ->
                        assertThat(e).containsEntry("username", "officer.hue").containsEntry("reference", "search"));
    }
}
