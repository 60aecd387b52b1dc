package vn.egov.registry.accesslog.checkpoint;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The checkpoint job: every {@code egov.registry.access-log.checkpoint.interval} (default 5 minutes) one replica
 * (ShedLock) takes a signed checkpoint of the access log. The lock is also held at least {@code min-spacing}
 * (default 1 minute), so replicas whose schedules drift apart do not each take one in the same period.
 */
@Component
public class CheckpointJob {

    private final Checkpoints checkpoints;

    CheckpointJob(Checkpoints checkpoints) {
        this.checkpoints = checkpoints;
    }

    @Scheduled(
            fixedDelayString = "${egov.registry.access-log.checkpoint.interval:PT5M}",
            initialDelayString = "${egov.registry.access-log.checkpoint.initial-delay:PT1M}")
    @SchedulerLock(
            name = "registry.access-log-checkpoint",
            lockAtMostFor = "PT10M",
            lockAtLeastFor = "${egov.registry.access-log.checkpoint.min-spacing:PT1M}")
    public void run() {
        checkpoints.take();
    }
}
