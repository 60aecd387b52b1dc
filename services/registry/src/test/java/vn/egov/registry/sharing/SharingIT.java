package vn.egov.registry.sharing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import vn.egov.registry.testing.Births;
import vn.egov.registry.testing.RegistryIntegrationTest;
import vn.egov.registry.testing.Tokens;

/**
 * Purpose-bound sharing as callers meet it: exactly the agreed fields, 403 naming what is missing, verification
 * without data, the citizen's consent for pre-fill, and every answer (denials included) in the access log.
 */
class SharingIT extends RegistryIntegrationTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Agreements agreements;

    String pid;

    @BeforeEach
    void citizenAndAgreement() throws Exception {
        pid = Births.register(mvc, "Nguyễn Thị Lan", "FEMALE", "1990-04-12", "01-002");
        if (agreements.fieldsFor("demo-integrator", null, "dossier-processing").isEmpty()) {
            agreements.add(
                    "demo-integrator",
                    null,
                    "dossier-processing",
                    List.of(CitizenField.FULL_NAME, CitizenField.DATE_OF_BIRTH, CitizenField.PERMANENT_RESIDENCE),
                    "Thỏa thuận thử nghiệm số 01/2026");
        }
    }

    List<Map<String, Object>> log(String subject) {
        return jdbc.sql("select * from access_log where subject_pid = ? order by seq")
                .param(subject)
                .query()
                .listOfRows();
    }

    @Test
    void anAgreedReadReturnsExactlyTheAgreedFieldsAndIsLogged() throws Exception {
        String body = mvc.perform(get("/api/registry/citizens/{pid}", pid)
                        .with(Tokens.integrator())
                        .param("purpose", "dossier-processing")
                        .param("reference", "000.00.00.H57-260301-0001"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.fullName").value("Nguyễn Thị Lan"))
                .andExpect(jsonPath("$.dateOfBirth").value("1990-04-12"))
                .andExpect(jsonPath("$.permanentResidence.communeName").value("Ba Đình"))
                .andReturn()
                .getResponse()
                .getContentAsString();
        Map<String, Object> json = JsonPath.read(body, "$");
        assertThat(json.keySet()).containsExactlyInAnyOrder("pid", "fullName", "dateOfBirth", "permanentResidence");

        mvc.perform(get("/api/registry/citizens/{pid}", pid)
                        .with(Tokens.integrator())
                        .param("purpose", "dossier-processing")
                        .param("fields", "fullName"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.dateOfBirth").doesNotExist());

        List<Map<String, Object>> entries = log(pid);
        assertThat(entries).hasSize(2);
        assertThat(entries.get(0))
                .containsEntry("client_id", "demo-integrator")
                .containsEntry("purpose_code", "dossier-processing")
                .containsEntry("fields", "dateOfBirth,fullName,permanentResidence")
                .containsEntry("reference", "000.00.00.H57-260301-0001")
                .containsEntry("outcome", "GRANTED");
        assertThat(entries.get(1)).containsEntry("fields", "fullName");
    }

    @Test
    void fieldsBeyondTheAgreementAre403NamingThem_andTheDenialIsLogged() throws Exception {
        mvc.perform(get("/api/registry/citizens/{pid}", pid)
                        .with(Tokens.integrator())
                        .param("purpose", "dossier-processing")
                        .param("fields", "fullName,religion,bloodType"))
                .andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value("fields-not-agreed"))
                .andExpect(jsonPath("$.detail").value(containsString("religion, bloodType")))
                .andExpect(jsonPath("$.errors[0].field").value("religion"))
                .andExpect(jsonPath("$.errors[1].field").value("bloodType"))
                .andExpect(jsonPath("$.fullName").doesNotExist());
        assertThat(log(pid)).singleElement().satisfies(e -> assertThat(e)
                .containsEntry("outcome", "DENIED")
                .containsEntry("reason", "fields-not-agreed")
                .containsEntry("fields", "bloodType,fullName,religion"));
    }

    @Test
    void aSystemReadsUnderItsAgencysAgreementOnlyWithTheRegistryReadScope() throws Exception {
        if (agreements.fieldsFor(null, "000.00.00.H57", "dossier-processing").isEmpty()) {
            agreements.add(
                    null,
                    "000.00.00.H57",
                    "dossier-processing",
                    List.of(CitizenField.FULL_NAME, CitizenField.SEX),
                    "Thỏa thuận thử nghiệm số 02/2026");
        }
        // Huế's document-management system: the agency's code in its token, but only the interchange's scopes
        var documentSystem = Tokens.token(
                "service-account-dms-hue", "dms-hue", null, "000.00.00.H57", "interchange.send", "integrator");
        mvc.perform(get("/api/registry/citizens/{pid}", pid)
                        .with(documentSystem)
                        .param("purpose", "dossier-processing"))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.code").value("missing-scope"))
                .andExpect(jsonPath("$.errors[0].field").value("scope"))
                .andExpect(jsonPath("$.fullName").doesNotExist());
        // a system of the agency given the scope reads the agreed fields
        var casesSystem = Tokens.token(
                "service-account-hue-cases", "hue-cases", null, "000.00.00.H57", "registry.read", "integrator");
        mvc.perform(get("/api/registry/citizens/{pid}", pid)
                        .with(casesSystem)
                        .param("purpose", "dossier-processing")
                        .param("fields", "fullName,sex"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.fullName").value("Nguyễn Thị Lan"));
        // a person of the agency (not a system) reads under the agency's agreement as before
        var clerk = Tokens.token("clerk.hue", "egov-web", null, "000.00.00.H57", "openid", "clerk");
        mvc.perform(get("/api/registry/citizens/{pid}", pid)
                        .with(clerk)
                        .param("purpose", "dossier-processing")
                        .param("fields", "fullName"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.fullName").value("Nguyễn Thị Lan"));
        assertThat(log(pid))
                .filteredOn(e -> "dossier-processing".equals(e.get("purpose_code")))
                .extracting(e -> e.get("client_id") + " " + e.get("outcome") + " " + e.get("reason"))
                .containsExactly("dms-hue DENIED missing-scope", "hue-cases GRANTED null", "egov-web GRANTED null");
    }

    @Test
    void noAgreementForThePurposeIs403_unknownPurposeAndFieldsAre400_allLogged() throws Exception {
        mvc.perform(get("/api/registry/citizens/{pid}", pid)
                        .with(Tokens.integrator())
                        .param("purpose", "statistics"))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.code").value("no-agreement"))
                .andExpect(jsonPath("$.detail").value(containsString("demo-integrator")))
                .andExpect(jsonPath("$.detail").value(containsString("statistics")));
        mvc.perform(get("/api/registry/citizens/{pid}", pid)
                        .with(Tokens.integrator())
                        .param("purpose", "marketing"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("unknown-purpose"))
                .andExpect(jsonPath("$.errors[0].field").value("purpose"));
        mvc.perform(get("/api/registry/citizens/{pid}", pid)
                        .with(Tokens.integrator())
                        .param("purpose", "dossier-processing")
                        .param("fields", "fullName,shoeSize"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("unknown-field"))
                .andExpect(jsonPath("$.detail").value(containsString("shoeSize")));
        mvc.perform(get("/api/registry/citizens/{pid}", pid).with(Tokens.integrator()))
                .andExpect(status().isBadRequest());
        assertThat(log(pid))
                .extracting(e -> e.get("reason"))
                .containsExactly("no-agreement", "unknown-purpose", "unknown-field");
    }

    @Test
    void officersFindPeopleByNameWithoutDiacritics_andEachHitIsLogged() throws Exception {
        String hit = Births.register(mvc, "Đỗ Quỳnh Hương", "FEMALE", "2001-09-09", "89-001");
        mvc.perform(get("/api/registry/citizens")
                        .with(Tokens.officer())
                        .param("name", "DO QUYNH HUONG")
                        .param("birthYear", "2001"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(1))
                .andExpect(jsonPath("$[0].pid").value(hit))
                .andExpect(jsonPath("$[0].fullName").value("Đỗ Quỳnh Hương"))
                .andExpect(jsonPath("$[0].religion").doesNotExist());
        assertThat(log(hit)).singleElement().satisfies(e -> assertThat(e).containsEntry("reference", "search"));
        mvc.perform(get("/api/registry/citizens").with(Tokens.integrator()).param("name", "do quynh"))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/registry/citizens").with(Tokens.officer()).param("name", "d"))
                .andExpect(status().isBadRequest());
    }

    @Test
    void administratorsManageAgreements_andATerminatedAgreementStopsReadsAtOnce() throws Exception {
        var admin = Tokens.token("admin", "egov-web", null, null, "openid", "platform-admin");
        var taxApp = Tokens.token("svc-tax", "tax-app", null, null, "registry.read", "integrator");
        String created = mvc.perform(post("/api/registry/agreements")
                        .with(admin)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"clientId\":\"tax-app\",\"purposeCode\":\"statistics\","
                                + "\"fields\":[\"sex\",\"dateOfBirth\"],\"legalReference\":\"Thỏa thuận 07/2026\"}"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.fields.length()").value(2))
                .andReturn()
                .getResponse()
                .getContentAsString();
        String id = JsonPath.read(created, "$.id");
        mvc.perform(get("/api/registry/citizens/{pid}", pid).with(taxApp).param("purpose", "statistics"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.sex").value("FEMALE"))
                .andExpect(jsonPath("$.fullName").doesNotExist());

        mvc.perform(delete("/api/registry/agreements/{id}", id).with(admin))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.validTo").isString());
        mvc.perform(get("/api/registry/citizens/{pid}", pid).with(taxApp).param("purpose", "statistics"))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.code").value("no-agreement"));

        mvc.perform(get("/api/registry/agreements").with(Tokens.auditor())).andExpect(status().isOk());
        mvc.perform(post("/api/registry/agreements")
                        .with(Tokens.integrator())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"clientId\":\"demo-integrator\",\"purposeCode\":\"statistics\","
                                + "\"fields\":[\"religion\"],\"legalReference\":\"tự cấp\"}"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/registry/agreements")
                        .with(admin)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"clientId\":\"tax-app\",\"purposeCode\":\"portal-prefill\","
                                + "\"fields\":[\"fullName\",\"shoeSize\"],\"legalReference\":\"x\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(
                        jsonPath("$.errors[*].field").value(org.hamcrest.Matchers.contains("purposeCode", "fields")));
    }

    @Test
    void malformedNumbersAre400AndSayWhy() throws Exception {
        mvc.perform(get("/api/registry/citizens/{pid}", "00109901234X")
                        .with(Tokens.integrator())
                        .param("purpose", "dossier-processing"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("invalid-pid"))
                .andExpect(jsonPath("$.errors[0].field").value("pid"));
    }

    @Test
    void aCitizenReadingSomeoneElsesRecordIsRefusedAndLogged() throws Exception {
        mvc.perform(get("/api/registry/citizens/{pid}", pid)
                        .with(Tokens.citizen("001099012345"))
                        .param("purpose", "dossier-processing"))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.code").value("not-own-record"));
        assertThat(log(pid)).singleElement().satisfies(e -> assertThat(e)
                .containsEntry("caller_pid", "001099012345")
                .containsEntry("outcome", "DENIED")
                .containsEntry("reason", "not-own-record"));
    }

    @Test
    void verificationSaysMatchOrNoMatchAndNothingElse() throws Exception {
        mvc.perform(post("/api/registry/verifications")
                        .with(Tokens.integrator())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"pid\":\"" + pid
                                + "\",\"fullName\":\"NGUYỄN THỊ  LAN\",\"dateOfBirth\":\"1990-04-12\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.match").value(true))
                .andExpect(jsonPath("$.checkedAttributes.length()").value(2))
                .andExpect(jsonPath("$.fullName").doesNotExist());
        mvc.perform(post("/api/registry/verifications")
                        .with(Tokens.integrator())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"pid\":\"" + pid + "\",\"fullName\":\"Nguyen Thi Lan\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.match").value(false));
        mvc.perform(post("/api/registry/verifications")
                        .with(Tokens.integrator())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"pid\":\"001" + "2" + "99" + "999999" + "\",\"sex\":\"FEMALE\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.match").value(false));
        mvc.perform(post("/api/registry/verifications")
                        .with(Tokens.integratorWithoutVerify())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"pid\":\"" + pid + "\",\"sex\":\"FEMALE\"}"))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.code").value("verification-not-allowed"));
        mvc.perform(post("/api/registry/verifications")
                        .with(Tokens.integrator())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"pid\":\"12345\",\"sex\":\"FEMALE\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("pid"));
        mvc.perform(post("/api/registry/verifications")
                        .with(Tokens.integrator())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"pid\":\"" + pid + "\"}"))
                .andExpect(status().isBadRequest());
        assertThat(log(pid)).extracting(e -> e.get("outcome")).containsExactly("MATCH", "NO_MATCH", "DENIED");
    }

    @Test
    void prefillNeedsTheCitizensConsentForThatDossier_revocationEndsIt_receiptsAreKept() throws Exception {
        String dossier = "000.00.00.H57-260301-0042";
        mvc.perform(get("/api/registry/citizens/{pid}", pid)
                        .with(Tokens.citizen(pid))
                        .param("purpose", "portal-prefill")
                        .param("reference", dossier))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.code").value("no-consent"));

        String receipt = mvc.perform(post("/api/registry/me/consents")
                        .with(Tokens.citizen(pid))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"dossierReference\":\"" + dossier
                                + "\",\"clientId\":\"egov-web\",\"fields\":[\"fullName\",\"permanentResidence\"]}"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.receiptHash").isString())
                .andExpect(jsonPath("$.notice").value(containsString(dossier)))
                .andReturn()
                .getResponse()
                .getContentAsString();
        String consentId = JsonPath.read(receipt, "$.id");

        mvc.perform(get("/api/registry/citizens/{pid}", pid)
                        .with(Tokens.citizen(pid))
                        .param("purpose", "portal-prefill")
                        .param("reference", dossier))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.fullName").value("Nguyễn Thị Lan"))
                .andExpect(jsonPath("$.permanentResidence.addressLine").value("1 Tràng Tiền"))
                .andExpect(jsonPath("$.dateOfBirth").doesNotExist());
        mvc.perform(get("/api/registry/citizens/{pid}", pid)
                        .with(Tokens.citizen(pid))
                        .param("purpose", "portal-prefill")
                        .param("reference", "another-dossier"))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/registry/citizens/{pid}", pid)
                        .with(Tokens.citizen(pid))
                        .param("purpose", "portal-prefill")
                        .param("reference", dossier)
                        .param("fields", "fullName,religion"))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.errors[0].field").value("religion"));

        mvc.perform(delete("/api/registry/me/consents/{id}", consentId).with(Tokens.citizen(pid)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.revokedAt").isString());
        mvc.perform(get("/api/registry/citizens/{pid}", pid)
                        .with(Tokens.citizen(pid))
                        .param("purpose", "portal-prefill")
                        .param("reference", dossier))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.code").value("no-consent"));
        mvc.perform(get("/api/registry/me/consents").with(Tokens.citizen(pid)))
                .andExpect(jsonPath("$.length()").value(1))
                .andExpect(jsonPath("$[0].revokedAt").isString());
        mvc.perform(delete("/api/registry/me/consents/{id}", consentId).with(Tokens.citizen("001099012345")))
                .andExpect(status().isNotFound());
        assertThat(log(pid))
                .extracting(e -> e.get("outcome"))
                .containsExactly("DENIED", "GRANTED", "DENIED", "DENIED", "DENIED");
    }
}
