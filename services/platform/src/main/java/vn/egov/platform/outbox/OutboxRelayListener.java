package vn.egov.platform.outbox;

import java.time.Instant;
import java.util.List;

/**
 * Told about every batch Kafka acknowledged, inside the relay's transaction, before the events are marked
 * published. Throwing aborts the mark: the events stay unpublished and are sent again (which is exactly what
 * a relay killed at that point does). Used for measurements and failure-injection tests.
 */
@FunctionalInterface
public interface OutboxRelayListener {

    void acknowledged(List<PublishedEvent> events, Instant ackedAt);
}
