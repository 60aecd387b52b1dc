package vn.egov.platform.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import vn.egov.platform.security.EgovSecurityAutoConfiguration;

/**
 * What every service proves about its wiring, started whole on a real PostgreSQL and Kafka: its database is
 * migrated (platform tables and its own), its authenticated endpoint answers 401 without a token, 403 for a
 * token without an egov role and 200 with one, and its health, metrics and OpenAPI document are served.
 * A service's {@code *BootIT} extends this class and names its API prefix.
 */
@EgovIntegrationTest
@AutoConfigureMockMvc
public abstract class ServiceBootContract {

    @Autowired
    protected MockMvc mvc;

    @Autowired
    protected JdbcTemplate jdbc;

    private final String apiPrefix;

    protected ServiceBootContract(String apiPrefix) {
        this.apiPrefix = apiPrefix;
    }

    @Test
    void itsDatabaseIsMigrated() {
        List<String> applied = jdbc.queryForList(
                "select version from flyway_schema_history where success order by installed_rank", String.class);
        assertThat(applied).contains("0.1", "0.2");
        assertThat(jdbc.queryForObject("select count(*) from outbox_event", Long.class))
                .isNotNull();
    }

    @Test
    void callerEndpointIs401WithoutToken() throws Exception {
        mvc.perform(get(apiPrefix + "/caller"))
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }

    @Test
    void callerEndpointIs403ForATokenWithoutAnEgovRole() throws Exception {
        mvc.perform(get(apiPrefix + "/caller")
                        .with(jwt().jwt(j -> j.claim("azp", "demo-outsider"))
                                .authorities(EgovSecurityAutoConfiguration.authorities())))
                .andExpect(status().isForbidden());
    }

    @Test
    void callerEndpointAnswersAnIntegrator() throws Exception {
        mvc.perform(get(apiPrefix + "/caller")
                        .with(jwt().jwt(j -> j.claim("azp", "demo-integrator")
                                        .claim("realm_access", Map.of("roles", List.of("integrator"))))
                                .authorities(EgovSecurityAutoConfiguration.authorities())))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.clientId").value("demo-integrator"))
                .andExpect(jsonPath("$.roles[0]").value("integrator"));
    }

    @Test
    void healthMetricsAndOpenApiAreServed() throws Exception {
        mvc.perform(get("/actuator/health/readiness")).andExpect(status().isOk());
        mvc.perform(get("/actuator/prometheus"))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("egov_outbox_backlog")));
        mvc.perform(get("/v3/api-docs"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.openapi").exists());
    }
}
