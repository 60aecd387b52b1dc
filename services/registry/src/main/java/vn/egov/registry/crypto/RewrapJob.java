package vn.egov.registry.crypto;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The re-wrapping job: periodically (one replica at a time, ShedLock) moves every ciphertext still under an old
 * key to the keyset's primary ({@link KeyRotation}). Idle when nothing is left: one counting scan per run.
 */
@Component
public class RewrapJob {

    private final KeyRotation rotation;
    private final int batchSize;

    RewrapJob(KeyRotation rotation, @Value("${egov.registry.crypto.rewrap.batch-size:500}") int batchSize) {
        this.rotation = rotation;
        this.batchSize = batchSize;
    }

    @Scheduled(
            fixedDelayString = "${egov.registry.crypto.rewrap.interval:PT1H}",
            initialDelayString = "${egov.registry.crypto.rewrap.initial-delay:PT2M}")
    @SchedulerLock(name = "registry.crypto-rewrap", lockAtMostFor = "PT2H")
    public void run() {
        rotation.rewrapAll(batchSize);
    }

    /** Rows per transaction. */
    public int batchSize() {
        return batchSize;
    }
}
