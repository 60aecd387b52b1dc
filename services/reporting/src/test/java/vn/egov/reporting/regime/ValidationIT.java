package vn.egov.reporting.regime;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.ResultActions;

/**
 * The validation utility as an integrator's system uses it before sending a report: any authenticated caller,
 * even a client with no egov role, gets the same reasons a filing would, and nothing is filed.
 */
class ValidationIT extends ReportingIntegrationTest {

    ResultActions validate(String regime, String body) throws Exception {
        return mvc.perform(post("/api/reports/regimes/{code}/validation", regime)
                .with(jwt().jwt(j -> j.claim("azp", "demo-integrator")))
                .contentType(MediaType.APPLICATION_JSON)
                .content(body));
    }

    @Test
    void acceptableValuesAreValid() throws Exception {
        validate("CPDT_QUY", """
                        {"values":{"LEVEL4_SERVICES":812,"ONLINE_DOSSIER_SHARE":61.5,"E_DOCUMENT_SHARE":93,
                         "CONNECTED_TO_NDXP":true}}""")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.regime").value("CPDT_QUY"))
                .andExpect(jsonPath("$.valid").value(true))
                .andExpect(jsonPath("$.errors").isEmpty());
    }

    @Test
    void valuesAtFaultAreNamedWithTheirReasonAndNothingIsFiled() throws Exception {
        validate("CPDT_QUY", """
                        {"values":{"LEVEL4_SERVICES":-3,"ONLINE_DOSSIER_SHARE":"61,5","E_DOCUMENT_SHARE":93}}""")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.valid").value(false))
                .andExpect(jsonPath("$.errors[?(@.field == 'values.LEVEL4_SERVICES')].reason")
                        .value("Giá trị nhỏ hơn mức tối thiểu 0."))
                .andExpect(jsonPath("$.errors[?(@.field == 'values.ONLINE_DOSSIER_SHARE')].reason")
                        .value("Giá trị phải là số phần trăm (0–100)."))
                .andExpect(jsonPath("$.errors[?(@.field == 'values.CONNECTED_TO_NDXP')].reason")
                        .value("Chỉ tiêu bắt buộc phải có giá trị."));
        org.assertj.core.api.Assertions.assertThat(jdbc.sql("select count(*) from report_submission")
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void anUnknownRegimeIs404AndABodyWithoutValues400() throws Exception {
        validate("KHONG_CO", "{\"values\":{}}")
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.code").value("regime-not-found"));
        validate("CPDT_QUY", "{\"values\":3}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("values"));
        mvc.perform(post("/api/reports/regimes/CPDT_QUY/validation")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"values\":{}}"))
                .andExpect(status().isUnauthorized());
    }
}
