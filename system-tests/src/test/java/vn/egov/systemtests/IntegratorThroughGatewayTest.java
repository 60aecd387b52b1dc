package vn.egov.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * An integrator (ministry or province system) gets a token by client credentials from Keycloak and calls each
 * service through the gateway: 401 without a token, 403 for a client without an egov role, 200 otherwise.
 */
class IntegratorThroughGatewayTest {

    static List<String> services() {
        return List.copyOf(Stack.API_PREFIXES.keySet());
    }

    @ParameterizedTest
    @MethodSource("services")
    void withoutTokenIs401Problem(String service) throws Exception {
        HttpResponse<String> response = Stack.get(callerUrl(service), null);

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
    }

    @ParameterizedTest
    @MethodSource("services")
    void integratorIsServed(String service) throws Exception {
        String token = Stack.clientCredentialsToken(Stack.INTEGRATOR_ID, Stack.INTEGRATOR_SECRET);

        HttpResponse<String> response = Stack.get(callerUrl(service), token);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat((String) JsonPath.read(response.body(), "$.clientId")).isEqualTo(Stack.INTEGRATOR_ID);
        assertThat((List<String>) JsonPath.read(response.body(), "$.roles")).containsExactly("integrator");
        assertThat((List<String>) JsonPath.read(response.body(), "$.scopes")).contains("registry.verify");
        assertThat(response.headers().firstValue("X-Request-Id")).isPresent();
    }

    @ParameterizedTest
    @MethodSource("services")
    void clientWithoutAnEgovRoleIs403(String service) throws Exception {
        String token = Stack.clientCredentialsToken(Stack.OUTSIDER_ID, Stack.OUTSIDER_SECRET);

        HttpResponse<String> response = Stack.get(callerUrl(service), token);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(403);
        assertThat((String) JsonPath.read(response.body(), "$.code")).isEqualTo("forbidden");
    }

    @Test
    void forgedTokenIs401() throws Exception {
        String token = Stack.clientCredentialsToken(Stack.INTEGRATOR_ID, Stack.INTEGRATOR_SECRET);
        String[] parts = token.split("\\.");
        // same header and signature, a payload that claims the platform-admin role
        String forgedPayload = java.util.Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(new String(java.util.Base64.getUrlDecoder().decode(parts[1]))
                        .replace("\"integrator\"", "\"platform-admin\"")
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        String forged = parts[0] + "." + forgedPayload + "." + parts[2];

        HttpResponse<String> response = Stack.get(callerUrl("registry"), forged);

        assertThat(response.statusCode()).isEqualTo(401);
    }

    @Test
    void unknownRouteIs404ProblemFromTheGateway() throws Exception {
        String token = Stack.clientCredentialsToken(Stack.INTEGRATOR_ID, Stack.INTEGRATOR_SECRET);

        HttpResponse<String> response = Stack.get(Stack.GATEWAY + "/api/nowhere/at-all", token);

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
    }

    @Test
    void everyServiceOpenApiDocumentIsListedAndReachable() throws Exception {
        for (String service : Stack.API_PREFIXES.keySet()) {
            HttpResponse<String> response = Stack.get(Stack.GATEWAY + "/docs/" + service + "/v3/api-docs", null);
            assertThat(response.statusCode()).as(service).isEqualTo(200);
            assertThat((String) JsonPath.read(response.body(), "$.openapi")).startsWith("3.");
        }
        HttpResponse<String> page = Stack.get(Stack.GATEWAY + "/api-docs", null);
        assertThat(page.statusCode()).isIn(200, 302);
    }

    private static String callerUrl(String service) {
        return Stack.GATEWAY + Stack.API_PREFIXES.get(service) + "/caller";
    }
}
