package vn.egov.portal.result;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static vn.egov.portal.workflow.DeskFixtures.FREE;
import static vn.egov.portal.workflow.DeskFixtures.HUE;
import static vn.egov.portal.workflow.DeskFixtures.OWNER;
import static vn.egov.portal.workflow.DeskFixtures.VPCP;
import static vn.egov.portal.workflow.DeskFixtures.hueOfficer;
import static vn.egov.portal.workflow.DeskFixtures.officer;

import com.jayway.jsonpath.JsonPath;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import vn.egov.platform.testing.TestTokens;
import vn.egov.portal.testing.PortalIntegrationTest;
import vn.egov.portal.workflow.DeskFixtures;

/** The signed e-result: issued on completion, readable by its owner and its agency, tampering detected on read. */
class ResultIT extends PortalIntegrationTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    AgencyKeys keys;

    DeskFixtures fx;

    @BeforeEach
    void setUp() {
        fx = new DeskFixtures(jdbc, mvc);
        fx.procedures();
    }

    UUID done(String procedure, String agency, String decision) throws Exception {
        var token = officer("officer", agency);
        UUID id = fx.submitted(procedure, agency, OWNER);
        fx.act(id, "receive", fx.version(id), null, token).andExpect(status().isOk());
        fx.act(id, "process", fx.version(id), null, token).andExpect(status().isOk());
        fx.act(id, "complete", fx.version(id), "{\"decision\":\"" + decision + "\"}", token)
                .andExpect(status().isOk());
        return id;
    }

    @Test
    void theResultIsSignedByTheAgencyAndVerifiesForTheOwnerAndTheAgency() throws Exception {
        UUID id = fx.submitted(FREE, HUE, OWNER);
        mvc.perform(get("/api/portal/dossiers/{id}/result", id).with(TestTokens.citizen(OWNER)))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.code").value("result-not-found"));

        fx.act(id, "receive", null).andExpect(status().isOk());
        fx.act(id, "process", null).andExpect(status().isOk());
        fx.act(id, "complete", "{}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("decision"));
        fx.act(id, "complete", "{\"decision\":\"Cấp Giấy chứng nhận đăng ký hộ kinh doanh số 33A8001234\"}")
                .andExpect(status().isOk());

        String body = mvc.perform(get("/api/portal/dossiers/{id}/result", id).with(TestTokens.citizen(OWNER)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.signature.valid").value(true))
                .andExpect(jsonPath("$.signature.certificateSubject", containsString("UBND thanh pho Hue")))
                .andExpect(jsonPath("$.signedBy").value("officer.hue"))
                .andExpect(jsonPath("$.document", containsString("<DossierCode>" + code(id) + "</DossierCode>")))
                .andExpect(jsonPath("$.document", containsString("33A8001234")))
                .andExpect(jsonPath("$.document", containsString("ds:SignatureValue")))
                .andReturn()
                .getResponse()
                .getContentAsString();
        // an independent check with the agency's certificate from the keystore
        byte[] document = JsonPath.<String>read(body, "$.document").getBytes(StandardCharsets.UTF_8);
        assertThat(new ResultSignatures()
                        .verify(document, keys.forAgency(HUE).orElseThrow().certificate())
                        .valid())
                .isTrue();
        assertThat(new ResultSignatures()
                        .verify(
                                document,
                                keys.byAlias("development").orElseThrow().certificate())
                        .valid())
                .as("another agency's certificate does not verify it")
                .isFalse();

        mvc.perform(get("/api/portal/dossiers/{id}/result", id).with(hueOfficer()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.signature.valid").value(true));
        mvc.perform(get("/api/portal/dossiers/{id}/result", id).with(TestTokens.citizen("001099099999")))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/portal/dossiers/{id}/result", id).with(officer("officer.vpcp", VPCP)))
                .andExpect(status().isNotFound());
    }

    @Test
    void anAgencyWithoutItsOwnKeySignsWithTheDevelopmentKeyHere() throws Exception {
        UUID id = done("9.100003", VPCP, "Chấp thuận");
        mvc.perform(get("/api/portal/dossiers/{id}/result", id).with(TestTokens.citizen(OWNER)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.signature.valid").value(true))
                .andExpect(jsonPath("$.signature.certificateSubject", containsString("Development")));
    }

    @Test
    void aTamperedResultFailsVerification() throws Exception {
        UUID id = done(FREE, HUE, "Không chấp thuận yêu cầu");
        int changed = jdbc.sql("""
                        update dossier_result
                        set document = convert_to(replace(convert_from(document, 'UTF8'),
                          'Không chấp thuận yêu cầu', 'Chấp thuận yêu cầu'), 'UTF8')
                        where dossier_id = ?""").param(id).update();
        assertThat(changed).isEqualTo(1);

        mvc.perform(get("/api/portal/dossiers/{id}/result", id).with(TestTokens.citizen(OWNER)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.signature.valid").value(false))
                .andExpect(jsonPath("$.signature.detail", containsString("đã bị thay đổi")))
                .andExpect(jsonPath("$.document", containsString("<Decision>Chấp thuận yêu cầu</Decision>")));
    }

    String code(UUID id) {
        return jdbc.sql("select code from dossier where id = ?")
                .param(id)
                .query(String.class)
                .single();
    }
}
