package vn.egov.portal.payment;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.util.UriComponentsBuilder;
import vn.egov.platform.testing.TestTokens;

/** The citizen's and the sandbox's side of a payment, through the HTTP API. */
final class PaymentTesting {

    private PaymentTesting() {}

    /** Starts a payment as the owner; returns the JSON answer. */
    static String start(MockMvc mvc, UUID dossier, String key) throws Exception {
        MockHttpServletRequestBuilder request = post("/api/portal/payments")
                .with(TestTokens.citizen(PaymentFixtures.OWNER))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"dossierId\":\"" + dossier + "\"}");
        if (key != null) {
            request.header("Idempotency-Key", key);
        }
        return mvc.perform(request)
                .andExpect(status().is2xxSuccessful())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    /** The decoded query parameters of a URL. */
    static Map<String, String> params(String url) {
        Map<String, String> params = new LinkedHashMap<>();
        UriComponentsBuilder.fromUriString(url)
                .build()
                .getQueryParams()
                .forEach((name, values) -> params.put(name, URLDecoder.decode(values.get(0), StandardCharsets.UTF_8)));
        return params;
    }

    /** The payer follows the redirect to the sandbox and acts; returns the sandbox's answer. */
    static String payAtSandbox(MockMvc mvc, String redirectUrl, String outcome) throws Exception {
        MockHttpServletRequestBuilder open = get("/sandbox/paygov/pay");
        params(redirectUrl).forEach(open::param);
        mvc.perform(open).andExpect(status().isOk());
        String orderId = params(redirectUrl).get("order_id");
        return mvc.perform(post("/sandbox/paygov/pay/{orderId}", orderId).param("outcome", outcome))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    static String paymentId(String json) {
        return JsonPath.read(json, "$.id");
    }

    static String redirect(String json) {
        return JsonPath.read(json, "$.redirectUrl");
    }

    static List<String> events(JdbcClient jdbc, String subject) {
        return jdbc.sql("select data::text from outbox_event where subject = ? order by position")
                .param(subject)
                .query(String.class)
                .list();
    }
}
