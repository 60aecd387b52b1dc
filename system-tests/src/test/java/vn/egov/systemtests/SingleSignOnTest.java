package vn.egov.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A citizen opens the gateway in a browser: the gateway sends them to Keycloak's login form, they log in with
 * their personal ID number, come back with a session cookie (never a token) and call the APIs; after logout
 * neither the gateway session nor the Keycloak session works any more.
 */
class SingleSignOnTest {

    @Test
    void citizenLogsInCallsTheApiThroughTheSessionAndLogsOut() throws Exception {
        BrowserSession browser = new BrowserSession();

        HttpResponse<String> landing = browser.logIn(Stack.CITIZEN, Stack.PASSWORD);

        assertThat(landing.statusCode()).isEqualTo(200);
        assertThat(landing.uri().toString()).startsWith(Stack.GATEWAY);
        assertThat(landing.body()).doesNotContain("access_token").doesNotContain("eyJ");

        HttpResponse<String> caller = browser.getJson(Stack.GATEWAY + "/api/registry/caller");
        assertThat(caller.statusCode()).as(caller.body()).isEqualTo(200);
        assertThat((String) JsonPath.read(caller.body(), "$.pid")).isEqualTo(Stack.CITIZEN);
        assertThat((List<String>) JsonPath.read(caller.body(), "$.roles")).containsExactly("citizen");
        assertThat((String) JsonPath.read(caller.body(), "$.clientId")).isEqualTo("egov-web");

        // one login serves every service behind the gateway
        for (String prefix : Stack.API_PREFIXES.values()) {
            assertThat(browser.getJson(Stack.GATEWAY + prefix + "/caller").statusCode())
                    .as(prefix)
                    .isEqualTo(200);
        }

        HttpResponse<String> afterLogout = browser.logOut();
        assertThat(afterLogout.statusCode()).isLessThan(500);

        HttpResponse<String> callerAfterLogout = browser.getJson(Stack.GATEWAY + "/api/registry/caller");
        assertThat(callerAfterLogout.statusCode()).isEqualTo(401);

        // the Keycloak session is gone too: opening the gateway asks for credentials again
        HttpResponse<String> again = browser.get(Stack.GATEWAY + "/");
        assertThat(BrowserSession.loginFormAction(again.body())).isPresent();
    }

    @Test
    void wrongPasswordStaysOnTheLoginForm() throws Exception {
        BrowserSession browser = new BrowserSession();

        HttpResponse<String> response = browser.logIn(Stack.CITIZEN, "not-the-password");

        assertThat(BrowserSession.loginFormAction(response.body())).isPresent();
        assertThat(browser.getJson(Stack.GATEWAY + "/api/registry/caller").statusCode())
                .isEqualTo(401);
    }
}
