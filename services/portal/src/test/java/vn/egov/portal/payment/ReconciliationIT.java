package vn.egov.portal.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import vn.egov.platform.testing.TestTokens;
import vn.egov.portal.dossier.DossierStatus;
import vn.egov.portal.testing.PortalIntegrationTest;

/**
 * Đối soát: the provider's settled transactions of a day against the portal's payments; every disagreement is
 * recorded and shown to auditors.
 */
@TestPropertySource(properties = "egov.portal.payment.jobs.enabled=false")
class ReconciliationIT extends PortalIntegrationTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Reconciliation reconciliation;

    @Autowired
    Clock clock;

    @BeforeEach
    void procedures() {
        PaymentFixtures.procedure(jdbc);
    }

    @Test
    void theDaysSettlementsAreMatchedAndEveryMismatchIsRecorded() throws Exception {
        String matched = paid("PAID");
        String amountDiffers = paid("PAID");
        String lostCallback = paid("PAID_NO_CALLBACK");
        String notSettled = paid("PAID");
        // the provider's ledger disagrees with the portal on two of them
        jdbc.sql("update sandbox_paygov_transaction set amount = 65000 where order_id = ?")
                .param(amountDiffers)
                .update();
        jdbc.sql("delete from sandbox_paygov_transaction where order_id = ?")
                .param(notSettled)
                .update();
        LocalDate today = LocalDate.now(clock.withZone(PayGovProtocol.VIETNAM));

        Reconciliation.Report report = reconciliation.reconcile(today);

        assertThat(report.providerCount()).isEqualTo(3);
        assertThat(report.portalCount()).isEqualTo(3);
        assertThat(report.matched()).isEqualTo(1);
        assertThat(report.mismatches())
                .extracting(Reconciliation.Mismatch::kind, Reconciliation.Mismatch::orderId)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("AMOUNT_DIFFERS", amountDiffers),
                        org.assertj.core.groups.Tuple.tuple("NOT_PAID_AT_PORTAL", lostCallback),
                        org.assertj.core.groups.Tuple.tuple("NOT_SETTLED_AT_PROVIDER", notSettled));
        assertThat(report.mismatches())
                .filteredOn(m -> m.kind().equals("NOT_PAID_AT_PORTAL"))
                .singleElement()
                .satisfies(m -> {
                    assertThat(m.portalStatus()).isEqualTo("PENDING");
                    assertThat(m.providerAmount()).isEqualTo(70000L);
                });
        assertThat(matched)
                .isNotIn(report.mismatches().stream()
                        .map(Reconciliation.Mismatch::orderId)
                        .toList());

        mvc.perform(get("/api/portal/payments/reconciliations/{day}", today.toString())
                        .with(TestTokens.staff("auditor.vpcp", "000.00.00.G01", "auditor")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.matched").value(1))
                .andExpect(jsonPath("$.mismatches.length()").value(3))
                .andExpect(jsonPath("$.mismatches[?(@.kind == 'AMOUNT_DIFFERS')].providerAmount")
                        .value(65000))
                .andExpect(jsonPath("$.mismatches[?(@.kind == 'AMOUNT_DIFFERS')].portalAmount")
                        .value(70000));
        mvc.perform(get("/api/portal/payments/reconciliations/{day}", today.toString())
                        .with(TestTokens.citizen(PaymentFixtures.OWNER)))
                .andExpect(status().isForbidden());
        mvc.perform(get(
                                "/api/portal/payments/reconciliations/{day}",
                                today.minusDays(30).toString())
                        .with(TestTokens.staff("auditor.vpcp", "000.00.00.G01", "auditor")))
                .andExpect(status().isNotFound());
    }

    private String paid(String outcome) throws Exception {
        UUID dossier = PaymentFixtures.dossier(jdbc, DossierStatus.PAYMENT_REQUESTED.code());
        String created = PaymentTesting.start(mvc, dossier, null);
        PaymentTesting.payAtSandbox(mvc, PaymentTesting.redirect(created), outcome);
        return PaymentTesting.paymentId(created);
    }
}
