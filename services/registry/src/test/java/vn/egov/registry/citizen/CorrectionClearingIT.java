package vn.egov.registry.citizen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import vn.egov.registry.events.EventContract;
import vn.egov.registry.testing.RegistryIntegrationTest;
import vn.egov.registry.testing.Tokens;

/**
 * A correction can clear an optional field recorded by mistake ({@code clear}), never a required one; the
 * citizen can ask for it (a correction request without a proposed value) and the officer's acceptance clears it.
 */
class CorrectionClearingIT extends RegistryIntegrationTest {

    static final String CORRECTED = "vn.egov.registry.citizen.corrected.v1";

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    String register(String name) throws Exception {
        String body = """
                {"fullName":"%s","otherNames":"Bé Na","dateOfBirth":"1994-06-02","sex":"FEMALE",
                 "birthRegistrationCommune":"01-001","ethnicCode":"01","religion":"Phật giáo","bloodType":"B+",
                 "homeTown":"Thái Bình","father":{"pid":"001060000111","name":"Vũ Văn Sơn"},
                 "mother":{"name":"Lê Thị Hoa"},
                 "permanentResidence":{"communeCode":"01-001","addressLine":"7 Hàng Bài"}}""".formatted(name);
        return JsonPath.read(
                mvc.perform(post("/api/registry/births")
                                .with(Tokens.officer())
                                .contentType(MediaType.APPLICATION_JSON)
                                .content(body))
                        .andExpect(status().isCreated())
                        .andReturn()
                        .getResponse()
                        .getContentAsString(),
                "$.pid");
    }

    ResultActions correct(String pid, String ifMatch, String body) throws Exception {
        var request = post("/api/registry/citizens/{pid}/corrections", pid)
                .with(Tokens.officer())
                .contentType(MediaType.APPLICATION_JSON)
                .content(body);
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        return mvc.perform(request);
    }

    Map<String, Object> record(String pid, String etag) throws Exception {
        return JsonPath.read(
                mvc.perform(get("/api/registry/citizens/{pid}/record", pid).with(Tokens.officer()))
                        .andExpect(status().isOk())
                        .andExpect(header().string("ETag", etag))
                        .andReturn()
                        .getResponse()
                        .getContentAsString(),
                "$");
    }

    List<String> events(String pid) {
        return jdbc.sql(
                        "select data::text from outbox_event where type = ? and data->>'pid' = ? order by (data->>'version')::int")
                .params(CORRECTED, pid)
                .query(String.class)
                .list();
    }

    @Test
    void anOfficerClearsOptionalFields_versionedAndPublishedWithoutValues() throws Exception {
        String pid = register("Vũ Thị Na");

        correct(
                        pid,
                        "\"0\"",
                        "{\"clear\":[\"otherNames\",\"religion\",\"bloodType\",\"father\"],"
                                + "\"reason\":\"Ghi nhầm khi đăng ký khai sinh\"}")
                .andExpect(status().isOk())
                .andExpect(header().string("ETag", "\"1\""))
                .andExpect(jsonPath("$.version").value(1));

        Map<String, Object> record = record(pid, "\"1\"");
        assertThat(record.get("otherNames")).isNull();
        assertThat(record.get("religion")).isNull();
        assertThat(record.get("bloodType")).isNull();
        assertThat(record.get("father")).isNull();
        // what was not cleared is kept
        assertThat(record).containsEntry("fullName", "Vũ Thị Na").containsEntry("homeTown", "Thái Bình");
        assertThat(JsonPath.<String>read(record, "$.mother.name")).isEqualTo("Lê Thị Hoa");
        Map<String, Object> row = jdbc.sql(
                        "select other_names, religion_ct, blood_type_ct, father_pid, father_name from citizen where pid = ?")
                .param(pid)
                .query()
                .singleRow();
        assertThat(row.values()).containsOnlyNulls();

        String event = events(pid).getFirst();
        EventContract.assertValid(CORRECTED, event);
        assertThat(JsonPath.<List<String>>read(event, "$.changedFields"))
                .containsExactly("otherNames", "religion", "bloodType", "father");
        assertThat(event)
                .doesNotContain("Bé Na")
                .doesNotContain("Phật")
                .doesNotContain("B+")
                .doesNotContain("Sơn");

        // clearing what is already empty changes nothing
        correct(pid, "\"1\"", "{\"clear\":[\"religion\"],\"reason\":\"Lần nữa\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("nothing-to-correct"));
        // a value and a clear in one correction
        correct(pid, "\"1\"", "{\"homeTown\":\"Nam Định\",\"clear\":[\"mother\"],\"reason\":\"Đối chiếu hồ sơ\"}")
                .andExpect(status().isOk())
                .andExpect(header().string("ETag", "\"2\""));
        assertThat(record(pid, "\"2\"")).containsEntry("homeTown", "Nam Định").containsEntry("mother", null);
        assertThat(JsonPath.<List<String>>read(events(pid).getLast(), "$.changedFields"))
                .containsExactly("homeTown", "mother");
    }

    @Test
    void requiredUnknownOrContradictoryClears_andMissingOrStaleVersions_changeNothing() throws Exception {
        String pid = register("Vũ Thị Nga");

        correct(pid, "\"0\"", "{\"clear\":[\"religion\",\"fullName\",\"dateOfBirth\"],\"reason\":\"x\"}")
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("field-required"))
                .andExpect(jsonPath("$.errors[0].field").value("fullName"))
                .andExpect(jsonPath("$.errors[1].field").value("dateOfBirth"));
        for (String required : List.of("sex", "nationality", "status")) {
            correct(pid, "\"0\"", "{\"clear\":[\"" + required + "\"],\"reason\":\"x\"}")
                    .andExpect(status().isUnprocessableContent())
                    .andExpect(jsonPath("$.errors[0].field").value(required));
        }
        correct(pid, "\"0\"", "{\"clear\":[\"nickname\"],\"reason\":\"x\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("unknown-field"))
                .andExpect(jsonPath("$.errors[0].field").value("clear"));
        // a null or empty name in the list: 400 naming the element, not a server error
        correct(pid, "\"0\"", "{\"clear\":[null],\"reason\":\"x\"}")
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].field").value("clear[0]"));
        correct(pid, "\"0\"", "{\"clear\":[\"religion\",\" \"],\"reason\":\"x\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("clear[1]"));
        correct(pid, "\"0\"", "{\"religion\":\"Công giáo\",\"clear\":[\"religion\"],\"reason\":\"x\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("invalid"))
                .andExpect(jsonPath("$.errors[0].field").value("religion"));
        correct(pid, null, "{\"clear\":[\"religion\"],\"reason\":\"x\"}").andExpect(status().isPreconditionRequired());
        correct(pid, "\"7\"", "{\"clear\":[\"religion\"],\"reason\":\"x\"}").andExpect(status().isPreconditionFailed());

        Map<String, Object> record = record(pid, "\"0\"");
        assertThat(record)
                .containsEntry("religion", "Phật giáo")
                .containsEntry("otherNames", "Bé Na")
                .containsEntry("fullName", "Vũ Thị Nga");
        assertThat(events(pid)).isEmpty();
    }

    @Test
    void aCitizenAsksForAValueToBeRemoved_andTheOfficersAcceptanceClearsIt() throws Exception {
        String pid = register("Vũ Thị Ngân");

        // a required field cannot be asked to be removed
        mvc.perform(post("/api/registry/me/correction-requests")
                        .with(Tokens.citizen(pid))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"field\":\"fullName\",\"reason\":\"x\"}"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("field-required"))
                .andExpect(jsonPath("$.errors[0].field").value("fullName"));
        mvc.perform(post("/api/registry/me/correction-requests")
                        .with(Tokens.citizen(pid))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"field\":\"religion\",\"proposedValue\":\"  \",\"reason\":\"x\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("proposedValue"));

        String id = JsonPath.read(
                mvc.perform(post("/api/registry/me/correction-requests")
                                .with(Tokens.citizen(pid))
                                .contentType(MediaType.APPLICATION_JSON)
                                .content("{\"field\":\"religion\",\"reason\":\"Tôi không theo tôn giáo nào\"}"))
                        .andExpect(status().isCreated())
                        .andExpect(jsonPath("$.proposedValue").isEmpty())
                        .andReturn()
                        .getResponse()
                        .getContentAsString(),
                "$.id");

        mvc.perform(post("/api/registry/correction-requests/{id}/decision", id)
                        .with(Tokens.officer())
                        .header("If-Match", "\"0\"")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"decision\":\"ACCEPTED\",\"note\":\"Đã xác minh\"}"))
                .andExpect(status().isOk())
                .andExpect(header().string("ETag", "\"1\""))
                .andExpect(jsonPath("$.status").value("ACCEPTED"));
        Map<String, Object> record = record(pid, "\"1\"");
        assertThat(record.get("religion")).isNull();
        assertThat(record).containsEntry("bloodType", "B+");
        String event = events(pid).getFirst();
        EventContract.assertValid(CORRECTED, event);
        assertThat(JsonPath.<List<String>>read(event, "$.changedFields")).containsExactly("religion");
        assertThat(event).doesNotContain("Phật");
    }
}
