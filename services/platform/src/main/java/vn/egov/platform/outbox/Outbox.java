package vn.egov.platform.outbox;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Objects;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.egov.platform.events.EventType;

/**
 * The transactional outbox: events are written in the transaction of the state change they describe, so both
 * are kept or both are lost; {@link OutboxRelay} then publishes them to Kafka as CloudEvents. Every append
 * must join a transaction the caller already runs ({@code MANDATORY}).
 *
 * <pre>{@code
 * @Transactional
 * public Dossier submit(...) {
 *     dossiers.save(dossier);
 *     outbox.append("portal.dossier.v1", "vn.egov.portal.dossier.submitted.v1", dossier.id().toString(),
 *             new DossierSubmitted(dossier.id(), dossier.procedureCode(), clock.instant()));
 *     return dossier;
 * }
 * }</pre>
 */
public class Outbox {

    private static final String INSERT = """
            INSERT INTO outbox_event (id, topic, kafka_key, type, source, subject, time, data, traceparent)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?)
            """;

    private static final Pattern TOPIC = Pattern.compile("[A-Za-z0-9._-]{1,249}");

    private final JdbcTemplate jdbc;
    private final JsonMapper json;
    private final String source;
    private final Clock clock;
    private final TraceContext traceContext;
    private final Runnable onCommit;

    /**
     * @param source the CloudEvents {@code source}: the service name ({@code spring.application.name})
     * @param onCommit run after a transaction that appended events commits (wakes the local relay)
     */
    public Outbox(
            JdbcTemplate jdbc,
            JsonMapper json,
            String source,
            Clock clock,
            TraceContext traceContext,
            Runnable onCommit) {
        this.jdbc = jdbc;
        this.json = json;
        this.source = Objects.requireNonNull(source, "source");
        this.clock = clock;
        this.traceContext = traceContext;
        this.onCommit = onCommit;
    }

    /**
     * Appends an event, keyed by its subject (the aggregate id) so the events of one aggregate stay in order
     * on one partition.
     *
     * @param topic e.g. {@code portal.dossier.v1}
     * @param type {@code vn.egov.<service>.<aggregate>.<event>.v<N>}
     * @param subject the aggregate id; also the Kafka key
     * @param data a record, map or {@link JsonNode}, written as JSON
     * @return the new event's id (the CloudEvent {@code id})
     * @throws org.springframework.transaction.IllegalTransactionStateException when no transaction is active
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public UUID append(String topic, String type, String subject, Object data) {
        return append(topic, type, subject, subject, data);
    }

    /** As {@link #append(String, String, String, Object)} with a Kafka key other than the subject. */
    @Transactional(propagation = Propagation.MANDATORY)
    public UUID append(String topic, String type, String subject, String key, Object data) {
        if (topic == null || !TOPIC.matcher(topic).matches()) {
            throw new IllegalArgumentException("not a Kafka topic name: " + topic);
        }
        EventType.of(type);
        Objects.requireNonNull(data, "data");
        UUID id = UUID.randomUUID();
        String body = data instanceof JsonNode node ? json.writeValueAsString(node) : json.writeValueAsString(data);
        jdbc.update(
                INSERT,
                id,
                topic,
                key,
                type,
                source,
                subject,
                Timestamp.from(clock.instant()),
                body,
                traceContext.current());
        wakeRelayAfterCommit();
        return id;
    }

    private void wakeRelayAfterCommit() {
        if (onCommit == null || !TransactionSynchronizationManager.isSynchronizationActive()) {
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                onCommit.run();
            }
        });
    }
}
