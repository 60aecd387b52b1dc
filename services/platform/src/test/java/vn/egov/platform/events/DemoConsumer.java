package vn.egov.platform.events;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import java.util.concurrent.atomic.AtomicBoolean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.transaction.annotation.Transactional;
import vn.egov.platform.inbox.Inbox;

/**
 * The demo's consumer: validates each event against its schema and records an effect through the inbox. A
 * thing named "poison..." cannot be digested until {@link #fixPoison()} is called.
 */
public class DemoConsumer {

    private final Inbox inbox;
    private final JdbcTemplate jdbc;
    private final EventSchemas schemas;
    private final ObjectProvider<Tracer> tracer;
    private final String group;
    private final AtomicBoolean poisonFixed = new AtomicBoolean();

    DemoConsumer(
            Inbox inbox,
            JdbcTemplate jdbc,
            EventSchemas schemas,
            ObjectProvider<Tracer> tracer,
            @Value("${demo.group}") String group) {
        this.inbox = inbox;
        this.jdbc = jdbc;
        this.schemas = schemas;
        this.tracer = tracer;
        this.group = group;
    }

    @KafkaListener(topics = "${demo.topic}", groupId = "${demo.group}")
    @Transactional
    public void on(IncomingEvent event) {
        schemas.validate(event);
        ThingCreated thing = event.dataAs(ThingCreated.class);
        if (thing.name().startsWith("poison") && !poisonFixed.get()) {
            throw new IllegalStateException("cannot digest " + thing.name());
        }
        inbox.receive(
                group,
                event.id(),
                () -> jdbc.update(
                        "INSERT INTO demo_effect (event_id, thing_id, name, trace_id) VALUES (?, ?, ?, ?)",
                        event.id(),
                        thing.thingId(),
                        thing.name(),
                        currentTraceId()));
    }

    public void fixPoison() {
        poisonFixed.set(true);
    }

    public String group() {
        return group;
    }

    private String currentTraceId() {
        Tracer t = tracer.getIfAvailable();
        Span span = t == null ? null : t.currentSpan();
        return span == null ? null : span.context().traceId();
    }
}
