package vn.egov.registry.citizen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import vn.egov.platform.testing.TestKafka;
import vn.egov.registry.events.EventContract;
import vn.egov.registry.pid.PersonalIdNumber;
import vn.egov.registry.pid.Sex;
import vn.egov.registry.testing.RegistryIntegrationTest;
import vn.egov.registry.testing.Tokens;

/** An officer of civil registration registers births and records life events, through the API, on PostgreSQL. */
class LifeEventsIT extends RegistryIntegrationTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    static String birth(String name, String sex, String dob, String commune) {
        return """
                {"fullName":"%s","dateOfBirth":"%s","sex":"%s","birthRegistrationCommune":"%s","ethnicCode":"01",
                 "religion":"Không","bloodType":"O+","homeTown":"Hải Châu, Đà Nẵng",
                 "father":{"pid":"048085000111","name":"Trần Văn Bình"},"mother":{"name":"Lê Thị Hoa"},
                 "permanentResidence":{"communeCode":"%s","addressLine":"12 Bạch Đằng"}}""".formatted(name, dob, sex, commune, commune);
    }

    String register(String name, String sex, String dob, String commune) throws Exception {
        MvcResult result = mvc.perform(post("/api/registry/births")
                        .with(Tokens.officer())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(birth(name, sex, dob, commune)))
                .andExpect(status().isCreated())
                .andReturn();
        return JsonPath.read(result.getResponse().getContentAsString(), "$.pid");
    }

    @Value("${egov.registry.topic}")
    String topic;

    /** The data of the event of that type about that number, from the outbox (as committed with the change). */
    String event(String type, String pid) {
        return jdbc.sql("select data::text from outbox_event where type = ? and data->>'pid' = ?")
                .params(type, pid)
                .query(String.class)
                .single();
    }

    long count(String sql, Object... params) {
        return jdbc.sql(sql).params(params).query(Long.class).single();
    }

    @Test
    void aBirthGetsANumberEncodingProvinceSexAndYear_andTheRecordIsStoredNfc() throws Exception {
        String decomposed = Normalizer.normalize("Trần Thị Ánh Dương", Normalizer.Form.NFD);
        MvcResult created = mvc.perform(post("/api/registry/births")
                        .with(Tokens.officer())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(birth(decomposed, "FEMALE", "2025-03-01", "48-001")))
                .andExpect(status().isCreated())
                .andExpect(header().string("ETag", "\"0\""))
                .andExpect(header().string("Location", startsWith("/api/registry/citizens/048325")))
                .andExpect(jsonPath("$.fullName").doesNotExist())
                .andReturn();
        String pid = JsonPath.read(created.getResponse().getContentAsString(), "$.pid");
        PersonalIdNumber number = new PersonalIdNumber(pid);
        assertThat(number.provinceCode()).isEqualTo("048");
        assertThat(number.sex()).isEqualTo(Sex.FEMALE);
        assertThat(number.birthYear()).isEqualTo(2025);
        assertThat(count("select count(*) from issued_pid where pid = ? and reason = 'BIRTH'", pid))
                .isEqualTo(1);

        mvc.perform(get("/api/registry/citizens/{pid}/record", pid).with(Tokens.officer()))
                .andExpect(status().isOk())
                .andExpect(header().string("ETag", "\"0\""))
                .andExpect(jsonPath("$.fullName").value(Normalizer.normalize(decomposed, Normalizer.Form.NFC)))
                .andExpect(jsonPath("$.dateOfBirth").value("2025-03-01"))
                .andExpect(jsonPath("$.ethnicity.name").value("Kinh"))
                .andExpect(jsonPath("$.religion").value("Không"))
                .andExpect(jsonPath("$.bloodType").value("O+"))
                .andExpect(jsonPath("$.father.pid").value("048085000111"))
                .andExpect(jsonPath("$.permanentResidence.provinceName").value("Đà Nẵng"))
                .andExpect(jsonPath("$.status.status").value("ALIVE"));

        // sensitive fields are not in the clear in the database
        Map<String, Object> row = jdbc.sql("select religion_ct, blood_type_ct, name_search from citizen where pid = ?")
                .param(pid)
                .query()
                .singleRow();
        assertThat(new String((byte[]) row.get("religion_ct"), java.nio.charset.StandardCharsets.ISO_8859_1))
                .doesNotContain("Kh");
        assertThat(row.get("name_search")).isEqualTo("tran thi anh duong");

        String data = event("vn.egov.registry.citizen.registered.v1", pid);
        EventContract.assertValid("vn.egov.registry.citizen.registered.v1", data);
        assertThat(data).doesNotContain("Dương").doesNotContain("2025-03-01");

        // the relay publishes it to Kafka as a binary-mode CloudEvent keyed by the citizen's id
        String citizenId = JsonPath.read(data, "$.citizenId");
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(TestKafka.records(topic)).anySatisfy(record -> {
                    assertThat(record.key()).isEqualTo(citizenId);
                    assertThat(TestKafka.header(record, "ce_type")).isEqualTo("vn.egov.registry.citizen.registered.v1");
                    assertThat(TestKafka.header(record, "ce_source")).isEqualTo("registry");
                    String value = new String(record.value(), StandardCharsets.UTF_8);
                    EventContract.assertValid("vn.egov.registry.citizen.registered.v1", value);
                    assertThat(value).contains(pid);
                }));
    }

    @Test
    void aBirthWithBadReferencesIsRefusedNamingTheFields_andNothingIsStored() throws Exception {
        long before = count("select count(*) from citizen");
        mvc.perform(post("/api/registry/births")
                        .with(Tokens.officer())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(birth("Lê Văn Tám", "MALE", "2024-02-30", "48-001")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("dateOfBirth"));
        mvc.perform(post("/api/registry/births")
                        .with(Tokens.officer())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(birth("Lê Văn Tám", "MALE", "2024-02-03", "99-999")))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[*].field").value(hasItem("birthRegistrationCommune")))
                .andExpect(jsonPath("$.errors[*].field").value(hasItem("permanentResidence.communeCode")));
        mvc.perform(post("/api/registry/births")
                        .with(Tokens.officer())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"fullName\":\"Lê Văn Tám\", \"sex\":"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("malformed-body"));
        mvc.perform(post("/api/registry/births")
                        .with(Tokens.officer())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"fullName\":\"" + "A".repeat(1_100_000) + "\"}"))
                .andExpect(status().isPayloadTooLarge());
        mvc.perform(post("/api/registry/births")
                        .with(Tokens.citizen("001099012345"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(birth("Lê Văn Tám", "MALE", "2024-02-03", "48-001")))
                .andExpect(status().isForbidden());
        assertThat(count("select count(*) from citizen")).isEqualTo(before);
    }

    @Test
    void updatesNeedTheCurrentVersion_staleOnesGet412AndChangeNothing() throws Exception {
        String pid = register("Phạm Minh Khang", "MALE", "2024-06", "01-001");
        String move = """
                {"kind":"TEMPORARY","communeCode":"79-001","addressLine":"5 Lê Lợi","validFrom":"2025-01-10"}""";

        mvc.perform(post("/api/registry/citizens/{pid}/residence-changes", pid)
                        .with(Tokens.officer())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(move))
                .andExpect(status().isPreconditionRequired())
                .andExpect(jsonPath("$.code").value("precondition-required"));
        mvc.perform(post("/api/registry/citizens/{pid}/residence-changes", pid)
                        .with(Tokens.officer())
                        .header("If-Match", "\"0\"")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(move))
                .andExpect(status().isOk())
                .andExpect(header().string("ETag", "\"1\""));
        long residences =
                count("select count(*) from residence r join citizen c on c.id = r.citizen_id where c.pid = ?", pid);
        mvc.perform(post("/api/registry/citizens/{pid}/residence-changes", pid)
                        .with(Tokens.officer())
                        .header("If-Match", "\"0\"")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(move))
                .andExpect(status().isPreconditionFailed())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value("stale-version"));
        assertThat(count("select count(*) from residence r join citizen c on c.id = r.citizen_id where c.pid = ?", pid))
                .isEqualTo(residences);

        mvc.perform(get("/api/registry/citizens/{pid}/record", pid).with(Tokens.officer()))
                .andExpect(header().string("ETag", "\"1\""))
                .andExpect(jsonPath("$.temporaryResidence.communeName").value("Sài Gòn"))
                .andExpect(jsonPath("$.permanentResidence.communeName").value("Hoàn Kiếm"));
        String event = event("vn.egov.registry.citizen.residence-changed.v1", pid);
        EventContract.assertValid("vn.egov.registry.citizen.residence-changed.v1", event);
        assertThat(event).contains("temporaryResidence").doesNotContain("Lê Lợi");
    }

    @Test
    void ofTwoConcurrentUpdatesFromTheSameVersionExactlyOneWins() throws Exception {
        String pid = register("Võ Thị Mai", "FEMALE", "2023", "56-001");
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                String commune = i % 2 == 0 ? "56-002" : "64-001";
                answers.add(pool.submit(() -> mvc.perform(post("/api/registry/citizens/{pid}/residence-changes", pid)
                                .with(Tokens.officer())
                                .header("If-Match", "\"0\"")
                                .contentType(MediaType.APPLICATION_JSON)
                                .content("{\"kind\":\"CURRENT\",\"communeCode\":\"" + commune
                                        + "\",\"addressLine\":\"1 Trần Phú\",\"validFrom\":\"2025-05-01\"}"))
                        .andReturn()
                        .getResponse()
                        .getStatus()));
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> f : answers) {
                statuses.add(f.get());
            }
            assertThat(statuses).containsOnly(200, 412);
            assertThat(statuses).filteredOn(s -> s == 200).hasSize(1);
        } finally {
            pool.shutdown();
        }
        assertThat(count(
                        "select count(*) from residence r join citizen c on c.id = r.citizen_id where c.pid = ? and kind = 'CURRENT'",
                        pid))
                .isEqualTo(1);
        assertThat(count("select version from citizen where pid = ?", pid)).isEqualTo(1);
    }

    @Test
    void aDeathIsRecordedOnce() throws Exception {
        String pid = register("Đặng Văn Lâm", "MALE", "2020-01-15", "40-001");
        mvc.perform(post("/api/registry/citizens/{pid}/death", pid)
                        .with(Tokens.officer())
                        .header("If-Match", "\"0\"")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"dateOfDeath\":\"2019-12-31\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("dateOfDeath"));
        mvc.perform(post("/api/registry/citizens/{pid}/death", pid)
                        .with(Tokens.officer())
                        .header("If-Match", "\"0\"")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"dateOfDeath\":\"2025-02-01\"}"))
                .andExpect(status().isOk())
                .andExpect(header().string("ETag", "\"1\""));
        mvc.perform(post("/api/registry/citizens/{pid}/death", pid)
                        .with(Tokens.officer())
                        .header("If-Match", "\"1\"")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"dateOfDeath\":\"2025-02-01\"}"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("already-deceased"));
        mvc.perform(get("/api/registry/citizens/{pid}/record", pid).with(Tokens.officer()))
                .andExpect(jsonPath("$.status.status").value("DECEASED"))
                .andExpect(jsonPath("$.status.deathDate").value("2025-02-01"))
                .andExpect(jsonPath("$.permanentResidence").doesNotExist());
        EventContract.assertValid(
                "vn.egov.registry.citizen.deceased.v1", event("vn.egov.registry.citizen.deceased.v1", pid));
    }

    @Test
    void correctingTheSexReissuesTheNumberAndKeepsTheOldOneInHistory() throws Exception {
        String old = register("Hoàng An", "MALE", "2022-08-08", "46-001");
        MvcResult result = mvc.perform(post("/api/registry/citizens/{pid}/corrections", old)
                        .with(Tokens.officer())
                        .header("If-Match", "\"0\"")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"sex\":\"FEMALE\",\"fullName\":\"Hoàng Thị An\","
                                + "\"reason\":\"Sai giới tính khi nhập liệu\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.previousPid").value(old))
                .andReturn();
        String renewed = JsonPath.read(result.getResponse().getContentAsString(), "$.pid");
        assertThat(renewed).isNotEqualTo(old).startsWith("046322");
        assertThat(count("select count(*) from pid_history where old_pid = ? and new_pid = ?", old, renewed))
                .isEqualTo(1);
        assertThat(count("select count(*) from issued_pid where pid in (?, ?)", old, renewed))
                .isEqualTo(2);
        mvc.perform(get("/api/registry/citizens/{pid}/record", old).with(Tokens.officer()))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/registry/citizens/{pid}/record", renewed).with(Tokens.officer()))
                .andExpect(jsonPath("$.fullName").value("Hoàng Thị An"))
                .andExpect(jsonPath("$.sex").value("FEMALE"));
        String event = event("vn.egov.registry.citizen.corrected.v1", renewed);
        EventContract.assertValid("vn.egov.registry.citizen.corrected.v1", event);
        assertThat(event).contains("\"previousPid\"").contains("fullName").doesNotContain("Hoàng");

        mvc.perform(post("/api/registry/citizens/{pid}/corrections", renewed)
                        .with(Tokens.officer())
                        .header("If-Match", "\"1\"")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"fullName\":\"Hoàng Thị An\",\"reason\":\"Không đổi\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("nothing-to-correct"));
    }

    @Test
    void concurrentBirthsNeverShareANumber() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Future<String>> pids = new ArrayList<>();
            for (int i = 0; i < 60; i++) {
                int n = i;
                Callable<String> birth = () -> register("Bé Số " + n, "MALE", "2025-01-01", "92-001");
                pids.add(pool.submit(birth));
            }
            Set<String> distinct = new HashSet<>();
            for (Future<String> f : pids) {
                String pid = f.get();
                assertThat(pid).startsWith("092225");
                distinct.add(pid);
            }
            assertThat(distinct).hasSize(60);
        } finally {
            pool.shutdown();
        }
    }
}
