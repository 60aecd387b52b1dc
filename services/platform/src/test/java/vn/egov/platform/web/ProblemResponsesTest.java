package vn.egov.platform.web;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.http.MediaType;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.JwtRequestPostProcessor;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.web.servlet.MockMvc;
import vn.egov.platform.security.EgovSecurityAutoConfiguration;

/** The platform's defaults as a caller meets them: deny by default, 401/403/400/413/500 as problem+json. */
@WebMvcTest(properties = "egov.api-prefix=/api/test")
@ContextConfiguration(classes = ProblemTestApplication.class)
@ImportAutoConfiguration({EgovWebAutoConfiguration.class, EgovSecurityAutoConfiguration.class})
class ProblemResponsesTest {

    @Autowired
    MockMvc mvc;

    static JwtRequestPostProcessor officer() {
        return jwt().jwt(j -> j.subject("u-1")
                        .claim("azp", "egov-web")
                        .claim("preferred_username", "officer.hue")
                        .claim("agency_code", "000.00.00.H57")
                        .claim("scope", "openid profile")
                        .claim("realm_access", Map.of("roles", List.of("officer", "offline_access"))))
                .authorities(EgovSecurityAutoConfiguration.authorities());
    }

    static JwtRequestPostProcessor outsider() {
        return jwt().jwt(j -> j.subject("svc-outsider").claim("azp", "demo-outsider"))
                .authorities(EgovSecurityAutoConfiguration.authorities());
    }

    @Test
    void noTokenIs401ProblemWithBearerChallenge() throws Exception {
        mvc.perform(get("/api/test/caller"))
                .andExpect(status().isUnauthorized())
                .andExpect(header().string("WWW-Authenticate", containsString("Bearer")))
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value("unauthorized"))
                .andExpect(jsonPath("$.title").value("Chưa xác thực"))
                .andExpect(jsonPath("$.instance").value("/api/test/caller"));
    }

    @Test
    void tokenWithoutAnEgovRoleIs403() throws Exception {
        mvc.perform(get("/api/test/caller").with(outsider()))
                .andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value("forbidden"));
    }

    @Test
    void callerSeesTheirClaims() throws Exception {
        mvc.perform(get("/api/test/caller").with(officer()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.clientId").value("egov-web"))
                .andExpect(jsonPath("$.agencyCode").value("000.00.00.H57"))
                .andExpect(jsonPath("$.roles").value(contains("officer")))
                .andExpect(jsonPath("$.scopes").value(contains("openid", "profile")));
    }

    @Test
    void aTokenWithoutClientIdStillDescribesItsCaller() throws Exception {
        mvc.perform(get("/api/test/caller")
                        .with(jwt().jwt(j ->
                                        j.subject("u-2").claim("realm_access", Map.of("roles", List.of("auditor"))))
                                .authorities(EgovSecurityAutoConfiguration.authorities())))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.subject").value("u-2"))
                .andExpect(jsonPath("$.clientId").doesNotExist());
    }

    @Test
    void pathsOutsideTheApiAreDeniedEvenWithAToken() throws Exception {
        mvc.perform(get("/internal/anything").with(officer())).andExpect(status().isForbidden());
        mvc.perform(get("/admin/dead-letters").with(officer())).andExpect(status().isForbidden());
    }

    @Test
    void methodSecurityDenialIs403Problem() throws Exception {
        mvc.perform(post("/api/test/officers-only")
                        .with(jwt().jwt(j -> j.claim("realm_access", Map.of("roles", List.of("citizen"))))
                                .authorities(EgovSecurityAutoConfiguration.authorities())))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.code").value("forbidden"));
        mvc.perform(post("/api/test/officers-only").with(officer())).andExpect(status().isOk());
    }

    @Test
    void invalidFieldsAreNamedWithTheirReason() throws Exception {
        mvc.perform(post("/api/test/applicants")
                        .with(officer())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"fullName\":\" \",\"pid\":\"12ab\",\"age\":3}"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value("invalid"))
                .andExpect(jsonPath("$.errors[?(@.field=='fullName')].reason").value("họ tên là bắt buộc"))
                .andExpect(jsonPath("$.errors[?(@.field=='pid')].reason").value("số định danh phải gồm 12 chữ số"));
    }

    @Test
    void malformedJsonAndWrongTypesAreExplained() throws Exception {
        mvc.perform(post("/api/test/applicants")
                        .with(officer())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"fullName\": \"An\", "))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("malformed-body"))
                .andExpect(jsonPath("$.errors[0].field").value("body"));
        mvc.perform(post("/api/test/applicants")
                        .with(officer())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"fullName\":\"An\",\"pid\":\"001099012345\",\"age\":\"many\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("age"));
    }

    @Test
    void oversizedBodyIs413BeforeParsing() throws Exception {
        byte[] big = new byte[1024 * 1024 + 1];
        mvc.perform(post("/api/test/applicants")
                        .with(officer())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(big))
                .andExpect(status().isPayloadTooLarge())
                .andExpect(jsonPath("$.code").value("payload-too-large"));
    }

    @Test
    void domainRefusalKeepsItsCodeAndField() throws Exception {
        mvc.perform(post("/api/test/applicants")
                        .with(officer())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"fullName\":\"Trùng\",\"pid\":\"001099012345\",\"age\":30}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("duplicate"))
                .andExpect(jsonPath("$.errors[0].field").value("fullName"));
    }

    @Test
    void unexpectedErrorsLeakNothing() throws Exception {
        mvc.perform(post("/api/test/applicants")
                        .with(officer())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"fullName\":\"Lỗi\",\"pid\":\"001099012345\",\"age\":30}"))
                .andExpect(status().isInternalServerError())
                .andExpect(jsonPath("$.code").value("internal"))
                .andExpect(content().string(not(containsString("hunter2"))));
    }

    @Test
    void unknownApiPathIs404Problem() throws Exception {
        mvc.perform(get("/api/test/nothing-here").with(officer()))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value("not-found"));
    }

    @Test
    void englishOnRequest() throws Exception {
        mvc.perform(get("/api/test/caller").header("Accept-Language", "en"))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.title").value("Not authenticated"));
    }
}
