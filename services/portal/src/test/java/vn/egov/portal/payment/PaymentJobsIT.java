package vn.egov.portal.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;

import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import vn.egov.platform.testing.TestTokens;
import vn.egov.portal.dossier.DossierStatus;
import vn.egov.portal.testing.PortalIntegrationTest;

/**
 * The scheduled entry points, called as the scheduler calls them (through the ShedLock proxy): the resolution job
 * settles a lost callback and the reconciliation job records yesterday's run, each under its lock.
 */
@TestPropertySource(
        properties = {
            "egov.portal.payment.callback-timeout=0s",
            "egov.portal.payment.jobs.resolve-every=1h",
            "egov.portal.payment.jobs.reconcile-cron=-"
        })
class PaymentJobsIT extends PortalIntegrationTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PaymentJobs jobs;

    @Autowired
    Clock clock;

    @Test
    void theScheduledJobsRunUnderTheirLocks() throws Exception {
        PaymentFixtures.procedure(jdbc);
        UUID dossier = PaymentFixtures.dossier(jdbc, DossierStatus.PAYMENT_REQUESTED.code());
        String created = PaymentTesting.start(mvc, dossier, null);
        PaymentTesting.payAtSandbox(mvc, PaymentTesting.redirect(created), "PAID_NO_CALLBACK");

        jobs.resolveUnknown();

        mvc.perform(get("/api/portal/payments/{id}", PaymentTesting.paymentId(created))
                        .with(TestTokens.citizen(PaymentFixtures.OWNER)))
                .andExpect(jsonPath("$.status").value("PAID"));

        jobs.reconcileYesterday();

        LocalDate yesterday =
                LocalDate.now(clock.withZone(PayGovProtocol.VIETNAM)).minusDays(1);
        assertThat(jdbc.sql("select count(*) from payment_reconciliation where day = ?")
                        .param(yesterday)
                        .query(Integer.class)
                        .single())
                .isEqualTo(1);
        assertThat(jdbc.sql("select name from shedlock order by name")
                        .query(String.class)
                        .list())
                .contains("portal.payment.resolve-unknown", "portal.payment.reconcile");
    }
}
