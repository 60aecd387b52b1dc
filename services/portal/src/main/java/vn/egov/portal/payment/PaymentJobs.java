package vn.egov.portal.payment;

import java.time.Clock;
import java.time.LocalDate;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The scheduled payment jobs, each run by one replica at a time (ShedLock): resolving UNKNOWN payments by querying
 * the provider, and reconciling yesterday's settled transactions.
 */
@Component
@ConditionalOnProperty(prefix = "egov.portal.payment.jobs", name = "enabled", matchIfMissing = true)
class PaymentJobs {

    private final ResolvePayments resolve;
    private final Reconciliation reconciliation;
    private final Clock clock;

    PaymentJobs(ResolvePayments resolve, Reconciliation reconciliation, Clock clock) {
        this.resolve = resolve;
        this.reconciliation = reconciliation;
        this.clock = clock;
    }

    @Scheduled(
            fixedDelayString = "${egov.portal.payment.jobs.resolve-every:PT1M}",
            initialDelayString = "${egov.portal.payment.jobs.resolve-every:PT1M}")
    @SchedulerLock(name = "portal.payment.resolve-unknown", lockAtMostFor = "PT10M")
    void resolveUnknown() {
        resolve.resolve();
    }

    @Scheduled(cron = "${egov.portal.payment.jobs.reconcile-cron:0 30 1 * * *}", zone = "Asia/Ho_Chi_Minh")
    @SchedulerLock(name = "portal.payment.reconcile", lockAtMostFor = "PT30M")
    void reconcileYesterday() {
        reconciliation.reconcile(
                LocalDate.now(clock.withZone(PayGovProtocol.VIETNAM)).minusDays(1));
    }
}
