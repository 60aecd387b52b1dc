package vn.egov.portal.prefill;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import vn.egov.platform.testing.TestTokens;
import vn.egov.portal.filing.FilingFixtures;
import vn.egov.portal.testing.PortalIntegrationTest;

/**
 * Pre-fill from the population registry: nothing is read before the citizen consents; with consent the registry
 * receives the consent for this dossier and exactly the procedure's fields, then one read under it, with the
 * citizen's own token; the form's empty fields are filled, what the citizen typed is kept. The registry down
 * gives the form back with a Vietnamese notice, never an error.
 */
class PrefillIT extends PortalIntegrationTest {

    static final String PID = "001099012345";
    static final RegistryStub REGISTRY = new RegistryStub();

    @DynamicPropertySource
    static void registry(DynamicPropertyRegistry registry) {
        registry.add("egov.portal.registry.base-url", REGISTRY::baseUrl);
        registry.add("egov.portal.registry.read-timeout", () -> "2s");
    }

    @AfterAll
    static void stop() {
        REGISTRY.stop();
    }

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Test
    void withConsentTheFormIsFilledFromTheRegistryAndTheConsentIsRecorded() throws Exception {
        String id = FilingFixtures.start(
                mvc,
                PID,
                FilingFixtures.MARITAL_STATUS,
                "{\"nguoiDuocXacNhan\": {\"danToc\": \"Tày\"}, \"mucDichSuDung\": \"Kết hôn\"}");
        int before = REGISTRY.requests().size();
        mvc.perform(get("/api/portal/dossiers/" + id + "/prefill").with(TestTokens.citizen(PID)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.consentRequired").value(true))
                .andExpect(jsonPath("$.consentText", containsString("Nghị định 13/2023")))
                .andExpect(jsonPath("$.registryFields[0]").value("currentResidence"));
        assertThat(REGISTRY.requests()).hasSize(before);

        mvc.perform(get("/api/portal/dossiers/" + id + "/prefill")
                        .param("consent", "true")
                        .with(TestTokens.citizen(PID)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.consentRequired").value(false))
                .andExpect(jsonPath("$.notice").doesNotExist())
                .andExpect(jsonPath("$.consentId").isNotEmpty())
                .andExpect(jsonPath("$.form.nguoiNopHoSo.hoTen").value("Nguyễn Văn An"))
                .andExpect(jsonPath("$.form.nguoiNopHoSo.ngaySinh").value("1999-05-19"))
                .andExpect(jsonPath("$.form.nguoiNopHoSo.soDinhDanh").value(PID))
                .andExpect(jsonPath("$.form.nguoiDuocXacNhan.hoTen").value("Nguyễn Văn An"))
                .andExpect(jsonPath("$.form.nguoiDuocXacNhan.gioiTinh").value("Nam"))
                .andExpect(jsonPath("$.form.nguoiDuocXacNhan.quocTich").value("Việt Nam"))
                .andExpect(jsonPath("$.form.nguoiDuocXacNhan.noiCuTru").value("18 Hoàng Diệu, Phường Ba Đình, Hà Nội"))
                // typed by the citizen: kept
                .andExpect(jsonPath("$.form.nguoiDuocXacNhan.danToc").value("Tày"))
                .andExpect(jsonPath("$.form.mucDichSuDung").value("Kết hôn"));

        List<RegistryStub.Request> calls =
                REGISTRY.requests().subList(before, REGISTRY.requests().size());
        assertThat(calls).hasSize(2);
        assertThat(calls.get(0).method()).isEqualTo("POST");
        assertThat(calls.get(0).path()).isEqualTo("/api/registry/me/consents");
        assertThat(calls.get(0).body())
                .contains("\"dossierReference\":\"" + id + "\"")
                .contains("\"clientId\":\"egov-web\"")
                .contains("\"fields\":[\"currentResidence\",\"dateOfBirth\",\"ethnicity\",\"fullName\","
                        + "\"nationality\",\"permanentResidence\",\"sex\"]");
        assertThat(calls.get(1).path()).isEqualTo("/api/registry/citizens/" + PID);
        assertThat(calls.get(1).query())
                .contains("purpose=portal-prefill")
                .contains("reference=" + id)
                .contains("fields=currentResidence,dateOfBirth,ethnicity,fullName,nationality,permanentResidence,sex");
        assertThat(calls).allSatisfy(c -> assertThat(c.authorization()).startsWith("Bearer "));
        assertThat(jdbc.sql("select count(*) from prefill_consent where dossier_id = ?::uuid and registry_consent_id"
                                + " is not null")
                        .param(id)
                        .query(Integer.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void onlyTheFieldsTheProcedureNeedsAreAskedFor() throws Exception {
        String id = FilingFixtures.start(mvc, PID, "2.002165", null);
        int before = REGISTRY.requests().size();
        mvc.perform(get("/api/portal/dossiers/" + id + "/prefill")
                        .param("consent", "true")
                        .with(TestTokens.citizen(PID)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.registryFields.length()").value(3))
                .andExpect(jsonPath("$.form.nguoiNopHoSo.hoTen").value("Nguyễn Văn An"));
        List<RegistryStub.Request> calls =
                REGISTRY.requests().subList(before, REGISTRY.requests().size());
        assertThat(calls.get(0).body()).contains("\"fields\":[\"currentResidence\",\"dateOfBirth\",\"fullName\"]");
        assertThat(calls.get(1).query()).contains("fields=currentResidence,dateOfBirth,fullName&");
    }

    @Test
    void aRefusalOfTheRegistryGivesTheFormBackWithANotice() throws Exception {
        String id = FilingFixtures.start(mvc, PID, FilingFixtures.MARITAL_STATUS, "{\"mucDichSuDung\": \"Kết hôn\"}");
        REGISTRY.refuseReads(true);
        try {
            mvc.perform(get("/api/portal/dossiers/" + id + "/prefill")
                            .param("consent", "true")
                            .with(TestTokens.citizen(PID)))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.notice", containsString("không cung cấp thông tin cho hồ sơ này (mã 403)")))
                    .andExpect(jsonPath("$.prefilledFields").isEmpty())
                    .andExpect(jsonPath("$.form.mucDichSuDung").value("Kết hôn"))
                    .andExpect(jsonPath("$.form.nguoiDuocXacNhan").doesNotExist());
        } finally {
            REGISTRY.refuseReads(false);
        }
    }
}
