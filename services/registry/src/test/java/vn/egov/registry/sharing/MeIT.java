package vn.egov.registry.sharing;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import vn.egov.registry.testing.Births;
import vn.egov.registry.testing.RegistryIntegrationTest;
import vn.egov.registry.testing.Tokens;

/** The citizen's own view: their record, who read it, correction requests; and the auditor's chain check. */
class MeIT extends RegistryIntegrationTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    Agreements agreements;

    @Test
    void aCitizenSeesTheirRecordAndWhoReadIt_butNotOthersLog() throws Exception {
        String mine = Births.register(mvc, "Lý Thị Thu", "FEMALE", "1988", "33-001");
        String other = Births.register(mvc, "Lý Văn Hải", "MALE", "1985-11", "33-001");
        agreements.add("bhxh-app", null, "social-insurance", List.of(CitizenField.FULL_NAME), "TT 01/2026");
        mvc.perform(get("/api/registry/citizens/{pid}", mine)
                        .with(Tokens.token("svc", "bhxh-app", null, "000.00.00.G12", "registry.read", "integrator"))
                        .param("purpose", "social-insurance")
                        .param("reference", "BHXH-2026-7"))
                .andExpect(status().isOk());
        mvc.perform(get("/api/registry/citizens/{pid}", other)
                        .with(Tokens.token("svc", "bhxh-app", null, "000.00.00.G12", "registry.read", "integrator"))
                        .param("purpose", "social-insurance"))
                .andExpect(status().isOk());

        mvc.perform(get("/api/registry/me").with(Tokens.citizen(mine)))
                .andExpect(status().isOk())
                .andExpect(header().string("ETag", "\"0\""))
                .andExpect(jsonPath("$.pid").value(mine))
                .andExpect(jsonPath("$.fullName").value("Lý Thị Thu"))
                .andExpect(jsonPath("$.dateOfBirth").value("1988"))
                .andExpect(jsonPath("$.religion").value("Phật giáo"));

        mvc.perform(get("/api/registry/me/access-log").with(Tokens.citizen(mine)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(2))
                .andExpect(jsonPath("$[0].action").value("READ_OWN"))
                .andExpect(jsonPath("$[1].clientId").value("bhxh-app"))
                .andExpect(jsonPath("$[1].agencyCode").value("000.00.00.G12"))
                .andExpect(jsonPath("$[1].purpose").value("social-insurance"))
                .andExpect(jsonPath("$[1].fields[0]").value("fullName"))
                .andExpect(jsonPath("$[1].reference").value("BHXH-2026-7"));
        mvc.perform(get("/api/registry/me/access-log").param("limit", "0").with(Tokens.citizen(mine)))
                .andExpect(status().isBadRequest());
    }

    @Test
    void onlyCitizensWithAPidClaimHaveAMe() throws Exception {
        mvc.perform(get("/api/registry/me").with(Tokens.officer())).andExpect(status().isForbidden());
        mvc.perform(get("/api/registry/me").with(Tokens.token("x", "egov-web", null, null, "openid", "citizen")))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.code").value("no-pid-claim"));
        mvc.perform(get("/api/registry/me").with(Tokens.citizen("079199999999")))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.code").value("citizen-not-found"));
    }

    @Test
    void aCitizenCanAskForACorrection() throws Exception {
        String mine = Births.register(mvc, "Bùi Văn Nam", "MALE", "1979-02-02", "37-002");
        mvc.perform(post("/api/registry/me/correction-requests")
                        .with(Tokens.citizen(mine))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"field\":\"homeTown\",\"proposedValue\":\"Hoa Lư, Ninh Bình\","
                                + "\"reason\":\"Quê quán ghi sai\"}"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.status").value("PENDING"));
        mvc.perform(post("/api/registry/me/correction-requests")
                        .with(Tokens.citizen(mine))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"field\":\"favouriteColour\",\"proposedValue\":\"xanh\",\"reason\":\"x\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("field"));
        String id = com.jayway.jsonpath.JsonPath.read(
                mvc.perform(get("/api/registry/me/correction-requests").with(Tokens.citizen(mine)))
                        .andExpect(jsonPath("$.length()").value(1))
                        .andExpect(jsonPath("$[0].field").value("homeTown"))
                        .andReturn()
                        .getResponse()
                        .getContentAsString(),
                "$[0].id");

        // the officers' queue and decision
        mvc.perform(get("/api/registry/correction-requests").with(Tokens.citizen(mine)))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/registry/correction-requests").with(Tokens.officer()))
                .andExpect(status().isOk())
                .andExpect(
                        jsonPath("$[?(@.id == '" + id + "')].citizenPid").value(org.hamcrest.Matchers.contains(mine)));
        mvc.perform(post("/api/registry/correction-requests/{id}/decision", id)
                        .with(Tokens.officer())
                        .header("If-Match", "\"0\"")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"decision\":\"ACCEPTED\",\"note\":\"Đã điều chỉnh theo giấy khai sinh\"}"))
                .andExpect(status().isOk())
                .andExpect(header().string("ETag", "\"1\""))
                .andExpect(jsonPath("$.status").value("ACCEPTED"));
        mvc.perform(get("/api/registry/me").with(Tokens.citizen(mine)))
                .andExpect(jsonPath("$.homeTown").value("Hoa Lư, Ninh Bình"));
        mvc.perform(post("/api/registry/correction-requests/{id}/decision", id)
                        .with(Tokens.officer())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"decision\":\"REJECTED\"}"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("already-decided"));
        mvc.perform(post("/api/registry/correction-requests/{id}/decision", id)
                        .with(Tokens.officer())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"decision\":\"MAYBE\"}"))
                .andExpect(status().isBadRequest());
        mvc.perform(get("/api/registry/me/correction-requests").with(Tokens.citizen(mine)))
                .andExpect(jsonPath("$[0].status").value("ACCEPTED"))
                .andExpect(jsonPath("$[0].decisionNote").value("Đã điều chỉnh theo giấy khai sinh"));
    }

    @Test
    void auditorsVerifyTheChain_othersCannot() throws Exception {
        mvc.perform(get("/api/registry/access-log/verification").with(Tokens.auditor()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.intact").value(true));
        mvc.perform(get("/api/registry/access-log/verification").with(Tokens.officer()))
                .andExpect(status().isForbidden());
    }
}
