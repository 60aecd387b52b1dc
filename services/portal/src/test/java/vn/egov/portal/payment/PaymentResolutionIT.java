package vn.egov.portal.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import vn.egov.platform.events.EventSchemas;
import vn.egov.platform.testing.TestTokens;
import vn.egov.portal.dossier.DossierStatus;
import vn.egov.portal.dossier.Dossiers;
import vn.egov.portal.payment.sandbox.SandboxPaymentProvider;
import vn.egov.portal.testing.PortalIntegrationTest;

/**
 * The explicit UNKNOWN state: a payment whose callback never came, or whose provider did not answer, is UNKNOWN
 * until the status query (the job, or the owner's request) learns the outcome. Here every payment is overdue at
 * once ({@code callback-timeout=0}) and the job is run by the test, not the scheduler.
 */
@TestPropertySource(
        properties = {
            "egov.portal.payment.jobs.enabled=false",
            "egov.portal.payment.callback-timeout=0s",
            "egov.portal.payment.abandon-after=0s"
        })
class PaymentResolutionIT extends PortalIntegrationTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ResolvePayments resolve;

    @Autowired
    SandboxPaymentProvider sandbox;

    @Autowired
    Dossiers dossiers;

    @Autowired
    tools.jackson.databind.json.JsonMapper json;

    @Autowired
    PayGovProtocol protocol;

    final EventSchemas schemas = new EventSchemas();

    @BeforeEach
    void procedures() {
        PaymentFixtures.procedure(jdbc);
    }

    @AfterEach
    void providerBack() {
        sandbox.unreachable(false);
    }

    @Test
    void aPaymentWhoseCallbackWasLostBecomesUnknownAndTheQueryJobSettlesIt() throws Exception {
        UUID dossier = PaymentFixtures.dossier(jdbc, DossierStatus.PAYMENT_REQUESTED.code());
        String created = PaymentTesting.start(mvc, dossier, null);
        String id = PaymentTesting.paymentId(created);
        String sandboxAnswer = PaymentTesting.payAtSandbox(mvc, PaymentTesting.redirect(created), "PAID_NO_CALLBACK");
        assertThat((Boolean) JsonPath.read(sandboxAnswer, "$.delivered")).isFalse();
        hasStatus(id, "PENDING");

        resolve.resolve();

        mvc.perform(get("/api/portal/payments/{id}", id).with(TestTokens.citizen(PaymentFixtures.OWNER)))
                .andExpect(jsonPath("$.status").value("PAID"))
                .andExpect(jsonPath("$.providerTransactionId")
                        .value((String) JsonPath.read(sandboxAnswer, "$.callback.transaction_id")));
        List<String> events = PaymentTesting.events(jdbc, id);
        assertThat(events)
                .extracting(e -> (String) JsonPath.read(e, "$.status"))
                .containsExactly("PENDING", "UNKNOWN", "PAID");
        events.forEach(e ->
                assertThat(schemas.problems(PaymentEvents.STATUS_CHANGED, e)).isEmpty());
        assertThat(dossiers.find(dossier).orElseThrow().status()).isEqualTo(DossierStatus.IN_PROCESS);
        // the late callback, when it finally arrives, is a replay
        mvc.perform(post("/api/portal/payments/callback")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(json.writeValueAsString(JsonPath.read(sandboxAnswer, "$.callback"))))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.replayed").value(true));
        assertThat(PaymentTesting.events(jdbc, id)).hasSize(3);
    }

    @Test
    void anUnreachableProviderLeavesThePaymentUnknownUntilItAnswers() throws Exception {
        UUID dossier = PaymentFixtures.dossier(jdbc, DossierStatus.PAYMENT_REQUESTED.code());
        String created = PaymentTesting.start(mvc, dossier, null);
        String id = PaymentTesting.paymentId(created);
        PaymentTesting.payAtSandbox(mvc, PaymentTesting.redirect(created), "PAID_NO_CALLBACK");
        sandbox.unreachable(true);

        // the owner asks; the provider times out: the outcome is explicitly unknown
        mvc.perform(post("/api/portal/payments/{id}/status-query", id).with(TestTokens.citizen(PaymentFixtures.OWNER)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("UNKNOWN"))
                .andExpect(jsonPath("$.statusReason").value("Nền tảng thanh toán không trả lời truy vấn"));
        // no second transaction while the first one's outcome is unknown (it may have been paid)
        mvc.perform(post("/api/portal/payments")
                        .with(TestTokens.citizen(PaymentFixtures.OWNER))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"dossierId\":\"" + dossier + "\"}"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("payment-outcome-unknown"));
        resolve.resolve();
        hasStatus(id, "UNKNOWN");
        assertThat(dossiers.find(dossier).orElseThrow().status()).isEqualTo(DossierStatus.PAYMENT_REQUESTED);

        sandbox.unreachable(false);
        resolve.resolve();
        hasStatus(id, "PAID");
        assertThat(PaymentTesting.events(jdbc, id))
                .extracting(e -> (String) JsonPath.read(e, "$.status"))
                .containsExactly("PENDING", "UNKNOWN", "PAID");
    }

    @Test
    void aPaymentTheProviderNeverSawIsCancelledAndAnotherCanBeStarted() throws Exception {
        UUID dossier = PaymentFixtures.dossier(jdbc, DossierStatus.PAYMENT_REQUESTED.code());
        String id = PaymentTesting.paymentId(PaymentTesting.start(mvc, dossier, null));

        resolve.resolve(); // PENDING → UNKNOWN → the provider has no such order → CANCELLED

        hasStatus(id, "CANCELLED");
        assertThat(PaymentTesting.events(jdbc, id))
                .extracting(e -> (String) JsonPath.read(e, "$.status"))
                .containsExactly("PENDING", "UNKNOWN", "CANCELLED");
        String again = PaymentTesting.start(mvc, dossier, null);
        String second = PaymentTesting.paymentId(again);
        assertThat(second).isNotEqualTo(id);

        // the payer opens the pay page and leaves: the provider keeps it pending, the portal closes it
        MockHttpServletRequestBuilder open = get("/sandbox/paygov/pay");
        PaymentTesting.params(PaymentTesting.redirect(again)).forEach(open::param);
        mvc.perform(open).andExpect(status().isOk());
        resolve.resolve();
        mvc.perform(get("/api/portal/payments/{id}", second).with(TestTokens.citizen(PaymentFixtures.OWNER)))
                .andExpect(jsonPath("$.status").value("CANCELLED"))
                .andExpect(jsonPath("$.statusReason").value("Người nộp không hoàn tất thanh toán"));
        // ... and if the payer finishes after all, the provider's confirmation still counts
        mvc.perform(post("/sandbox/paygov/pay/{orderId}", second).param("outcome", "PAID"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.delivered").value(true));
        hasStatus(second, "PAID");
        assertThat(dossiers.find(dossier).orElseThrow().status()).isEqualTo(DossierStatus.IN_PROCESS);

        // a confirmation of the first (cancelled) order now would collect the fees twice: refused, left cancelled
        java.util.Map<String, String> late = new java.util.LinkedHashMap<>();
        late.put("merchant_code", "DVC-PORTAL");
        late.put("order_id", id);
        late.put("amount", "70000");
        late.put("currency_code", "VND");
        late.put("status", "PAID");
        late.put("transaction_id", "TX-LATE");
        late.put("paid_at", "20261127110000");
        mvc.perform(post("/api/portal/payments/callback")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(json.writeValueAsString(protocol.sign(late))))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("already-paid"));
        hasStatus(id, "CANCELLED");
    }

    private void hasStatus(String id, String expected) throws Exception {
        mvc.perform(get("/api/portal/payments/{id}", id).with(TestTokens.citizen(PaymentFixtures.OWNER)))
                .andExpect(jsonPath("$.status").value(expected));
    }
}
