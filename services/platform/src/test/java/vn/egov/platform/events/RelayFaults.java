package vn.egov.platform.events;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import vn.egov.platform.outbox.OutboxRelayListener;
import vn.egov.platform.outbox.PublishedEvent;

/**
 * Fault injection: makes the relay die, once per armed subject, after Kafka acknowledged the event and before
 * the relay marks it published — what a process kill at that instant leaves behind.
 */
public class RelayFaults implements OutboxRelayListener {

    private final Set<String> crashOnce = ConcurrentHashMap.newKeySet();

    public void crashAfterAckOf(String subject) {
        crashOnce.add(subject);
    }

    @Override
    public void acknowledged(List<PublishedEvent> events, Instant ackedAt) {
        for (PublishedEvent event : events) {
            if (crashOnce.remove(event.subject())) {
                throw new RelayKilled("relay killed after Kafka acknowledged " + event.id());
            }
        }
    }

    static final class RelayKilled extends RuntimeException {
        RelayKilled(String message) {
            super(message);
        }
    }
}
