package vn.egov.registry.me;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import vn.egov.platform.testing.TestKafka;
import vn.egov.registry.events.EventContract;
import vn.egov.registry.testing.Births;
import vn.egov.registry.testing.RegistryIntegrationTest;
import vn.egov.registry.testing.Tokens;

/**
 * An officer's acceptance of a citizen's correction request applies it, through the officer's correction
 * (If-Match, NFC, encryption, the {@code corrected} event), in one transaction with the decision.
 */
class CorrectionDeskIT extends RegistryIntegrationTest {

    static final String CORRECTED = "vn.egov.registry.citizen.corrected.v1";

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Value("${egov.registry.topic}")
    String topic;

    String file(String pid, String field, String value) throws Exception {
        return JsonPath.read(
                mvc.perform(post("/api/registry/me/correction-requests")
                                .with(Tokens.citizen(pid))
                                .contentType(MediaType.APPLICATION_JSON)
                                .content(
                                        "{\"field\":\"%s\",\"proposedValue\":\"%s\",\"reason\":\"Ghi sai khi đăng ký\"}"
                                                .formatted(field, value)))
                        .andExpect(status().isCreated())
                        .andReturn()
                        .getResponse()
                        .getContentAsString(),
                "$.id");
    }

    org.springframework.test.web.servlet.ResultActions decide(String id, String decision, String ifMatch)
            throws Exception {
        var request = post("/api/registry/correction-requests/{id}/decision", id)
                .with(Tokens.officer())
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"decision\":\"" + decision + "\",\"note\":\"Đối chiếu giấy khai sinh\"}");
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        return mvc.perform(request);
    }

    String requestStatus(String id) {
        return jdbc.sql("select status from correction_request where id = ?::uuid")
                .param(id)
                .query(String.class)
                .single();
    }

    long events(String pid) {
        return jdbc.sql("select count(*) from outbox_event where type = ? and data->>'pid' = ?")
                .params(CORRECTED, pid)
                .query(Long.class)
                .single();
    }

    @Test
    void acceptingARequestAppliesIt_encryptedNormalisedVersionedAndPublished() throws Exception {
        String pid = Births.register(mvc, "Đặng Văn Hùng", "MALE", "1990-04-12", "01-001");
        String decomposed = Normalizer.normalize("Công giáo", Normalizer.Form.NFD);
        String id = file(pid, "religion", decomposed);

        // the officer reads the queue: that read is in the citizen's access log
        mvc.perform(get("/api/registry/correction-requests").with(Tokens.officer()))
                .andExpect(status().isOk())
                .andExpect(
                        jsonPath("$[?(@.id == '" + id + "')].field").value(org.hamcrest.Matchers.contains("religion")));
        mvc.perform(get("/api/registry/me/access-log").with(Tokens.citizen(pid)))
                .andExpect(jsonPath("$[0].action").value("RECORD"))
                .andExpect(jsonPath("$[0].username").value("officer.vpcp"))
                .andExpect(jsonPath("$[0].purpose").value("civil-registration"))
                .andExpect(jsonPath("$[0].reference").value("correction-requests"))
                .andExpect(jsonPath("$[0].fields[0]").value("religion"));

        decide(id, "ACCEPTED", "\"0\"")
                .andExpect(status().isOk())
                .andExpect(header().string("ETag", "\"1\""))
                .andExpect(header().string("Location", "/api/registry/citizens/" + pid + "/record"))
                .andExpect(jsonPath("$.status").value("ACCEPTED"))
                .andExpect(jsonPath("$.decisionNote").value("Đối chiếu giấy khai sinh"));

        mvc.perform(get("/api/registry/citizens/{pid}/record", pid).with(Tokens.officer()))
                .andExpect(header().string("ETag", "\"1\""))
                .andExpect(jsonPath("$.religion").value(Normalizer.normalize("Công giáo", Normalizer.Form.NFC)))
                .andExpect(jsonPath("$.fullName").value("Đặng Văn Hùng"));
        byte[] stored = jdbc.sql("select religion_ct from citizen where pid = ?")
                .param(pid)
                .query(byte[].class)
                .single();
        assertThat(new String(stored, StandardCharsets.ISO_8859_1)).doesNotContain("gi");
        mvc.perform(get("/api/registry/me/correction-requests").with(Tokens.citizen(pid)))
                .andExpect(jsonPath("$[0].status").value("ACCEPTED"));

        String event = jdbc.sql("select data::text from outbox_event where type = ? and data->>'pid' = ?")
                .params(CORRECTED, pid)
                .query(String.class)
                .single();
        EventContract.assertValid(CORRECTED, event);
        assertThat(JsonPath.<List<String>>read(event, "$.changedFields")).containsExactly("religion");
        assertThat(JsonPath.<Integer>read(event, "$.version")).isEqualTo(1);
        assertThat(event).doesNotContain("giáo").doesNotContain("gia");
        String citizenId = JsonPath.read(event, "$.citizenId");
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(TestKafka.records(topic)).anySatisfy(record -> {
                    assertThat(record.key()).isEqualTo(citizenId);
                    assertThat(TestKafka.header(record, "ce_type")).isEqualTo(CORRECTED);
                }));

        // decided once
        decide(id, "REJECTED", null)
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("already-decided"));
    }

    @Test
    void aStaleOrMissingVersionChangesNothing_andTheRequestStaysPending() throws Exception {
        String pid = Births.register(mvc, "Phan Thị Mai", "FEMALE", "1995", "01-001");
        String id = file(pid, "homeTown", "Thanh Hà, Hải Dương");
        decide(id, "ACCEPTED", null)
                .andExpect(status().isPreconditionRequired())
                .andExpect(jsonPath("$.code").value("precondition-required"));
        // someone else corrects the record meanwhile
        mvc.perform(post("/api/registry/citizens/{pid}/corrections", pid)
                        .with(Tokens.officer())
                        .header("If-Match", "\"0\"")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"otherNames\":\"Mai Phan\",\"reason\":\"Bổ sung tên gọi khác\"}"))
                .andExpect(status().isOk());
        decide(id, "ACCEPTED", "\"0\"")
                .andExpect(status().isPreconditionFailed())
                .andExpect(jsonPath("$.code").value("stale-version"));

        assertThat(requestStatus(id)).isEqualTo("PENDING");
        assertThat(events(pid)).isEqualTo(1);
        mvc.perform(get("/api/registry/citizens/{pid}/record", pid).with(Tokens.officer()))
                .andExpect(header().string("ETag", "\"1\""))
                .andExpect(jsonPath("$.homeTown").value("Nam Định"));

        // with the current version it goes through
        decide(id, "ACCEPTED", "\"1\"").andExpect(status().isOk()).andExpect(header().string("ETag", "\"2\""));
        mvc.perform(get("/api/registry/citizens/{pid}/record", pid).with(Tokens.officer()))
                .andExpect(jsonPath("$.homeTown").value("Thanh Hà, Hải Dương"))
                .andExpect(jsonPath("$.otherNames").value("Mai Phan"));
        assertThat(events(pid)).isEqualTo(2);
    }

    @Test
    void aRefusedRequestChangesNothing() throws Exception {
        String pid = Births.register(mvc, "Vũ Văn Long", "MALE", "1982-07", "01-001");
        String id = file(pid, "bloodType", "B-");
        decide(id, "REJECTED", null)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("REJECTED"));
        mvc.perform(get("/api/registry/citizens/{pid}/record", pid).with(Tokens.officer()))
                .andExpect(header().string("ETag", "\"0\""))
                .andExpect(jsonPath("$.bloodType").value("A+"));
        assertThat(events(pid)).isZero();
    }

    @Test
    void aValueNoLongerValidIs422NamingTheField_andNothingChanges() throws Exception {
        String pid = Births.register(mvc, "Hồ Thị Lan", "FEMALE", "2001-09-30", "01-001");
        String blood = file(pid, "bloodType", "Z+");
        String born = file(pid, "dateOfBirth", "2199-01-01");
        String ethnic = file(pid, "ethnicity", "99");
        String same = file(pid, "homeTown", "Nam Định");
        for (String[] c : List.of(
                new String[] {blood, "bloodType"},
                new String[] {born, "dateOfBirth"},
                new String[] {ethnic, "ethnicity"},
                new String[] {same, "homeTown"})) {
            decide(c[0], "ACCEPTED", "\"0\"")
                    .andExpect(status().isUnprocessableContent())
                    .andExpect(jsonPath("$.code").value("correction-not-applicable"))
                    .andExpect(jsonPath("$.errors[0].field").value(c[1]));
            assertThat(requestStatus(c[0])).isEqualTo("PENDING");
        }
        mvc.perform(get("/api/registry/citizens/{pid}/record", pid).with(Tokens.officer()))
                .andExpect(header().string("ETag", "\"0\""))
                .andExpect(jsonPath("$.bloodType").value("A+"))
                .andExpect(jsonPath("$.dateOfBirth").value("2001-09-30"));
        assertThat(events(pid)).isZero();
        // the officer can still refuse it
        decide(blood, "REJECTED", null).andExpect(status().isOk());
    }

    @Test
    void acceptingASexCorrectionReissuesTheNumber_andAResidenceCannotBeAskedForHere() throws Exception {
        String pid = Births.register(mvc, "Lương Minh Châu", "MALE", "1998-03-03", "01-001");
        String id = file(pid, "sex", "FEMALE");
        String response = decide(id, "ACCEPTED", "\"0\"")
                .andExpect(status().isOk())
                .andExpect(header().string("ETag", "\"1\""))
                .andReturn()
                .getResponse()
                .getHeader("Location");
        String renewed = response.replace("/api/registry/citizens/", "").replace("/record", "");
        assertThat(renewed).isNotEqualTo(pid).hasSize(12);
        mvc.perform(get("/api/registry/citizens/{pid}/record", renewed).with(Tokens.officer()))
                .andExpect(jsonPath("$.sex").value("FEMALE"));
        String event = jdbc.sql("select data::text from outbox_event where type = ? and data->>'pid' = ?")
                .params(CORRECTED, renewed)
                .query(String.class)
                .single();
        EventContract.assertValid(CORRECTED, event);
        assertThat(JsonPath.<String>read(event, "$.previousPid")).isEqualTo(pid);

        mvc.perform(post("/api/registry/me/correction-requests")
                        .with(Tokens.citizen(renewed))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"field\":\"permanentResidence\",\"proposedValue\":\"5 Lý Thường Kiệt\","
                                + "\"reason\":\"Đã chuyển nhà\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("field-not-correctable"))
                .andExpect(jsonPath("$.errors[0].field").value("field"));
    }
}
