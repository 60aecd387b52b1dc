package vn.egov.platform.inbox;

import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import vn.egov.platform.events.IncomingEvent;

/**
 * The inbox: a consumer applies the effect of an event at most once. The dedup record and the effect are
 * written in the same transaction, so they commit or roll back together; with Kafka's at-least-once delivery
 * (redeliveries, relay re-sends, replays from the dead-letter topic) every effect happens exactly once.
 *
 * <pre>{@code
 * @KafkaListener(topics = "portal.dossier.v1", groupId = "reporting")
 * @Transactional
 * void on(IncomingEvent event) {
 *     inbox.receive("reporting", event, e -> kpis.count(e.dataAs(DossierSubmitted.class)));
 * }
 * }</pre>
 */
public class Inbox {

    private static final String RECORD =
            "INSERT INTO inbox_message (consumer, event_id) VALUES (?, ?) ON CONFLICT DO NOTHING";

    private final JdbcTemplate jdbc;

    public Inbox(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Runs {@code effect} if {@code consumer} has not received {@code eventId} before.
     *
     * @return whether the effect ran (false for a duplicate)
     */
    @Transactional(propagation = Propagation.REQUIRED)
    public boolean receive(String consumer, String eventId, Runnable effect) {
        if (!firstTime(consumer, eventId)) {
            return false;
        }
        effect.run();
        return true;
    }

    /** As {@link #receive(String, String, Runnable)}, keyed by the event's CloudEvent id. */
    @Transactional(propagation = Propagation.REQUIRED)
    public boolean receive(String consumer, IncomingEvent event, Consumer<IncomingEvent> effect) {
        if (!firstTime(consumer, event.id())) {
            return false;
        }
        effect.accept(event);
        return true;
    }

    /**
     * Computes {@code effect} if {@code consumer} has not received {@code eventId} before.
     *
     * @return the effect's result, empty for a duplicate
     */
    @Transactional(propagation = Propagation.REQUIRED)
    public <T> Optional<T> apply(String consumer, String eventId, Supplier<T> effect) {
        if (!firstTime(consumer, eventId)) {
            return Optional.empty();
        }
        return Optional.ofNullable(effect.get());
    }

    /** Whether {@code consumer} has already applied {@code eventId} (committed, or in this transaction). */
    @Transactional(propagation = Propagation.SUPPORTS, readOnly = true)
    public boolean received(String consumer, String eventId) {
        Integer n = jdbc.queryForObject(
                "SELECT count(*) FROM inbox_message WHERE consumer = ? AND event_id = ?",
                Integer.class,
                consumer,
                eventId);
        return n != null && n > 0;
    }

    private boolean firstTime(String consumer, String eventId) {
        if (consumer == null || consumer.isBlank() || eventId == null || eventId.isBlank()) {
            throw new IllegalArgumentException("consumer and event id are required");
        }
        return jdbc.update(RECORD, consumer, eventId) == 1;
    }
}
