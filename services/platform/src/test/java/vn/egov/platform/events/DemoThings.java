package vn.egov.platform.events;

import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.annotation.Transactional;
import vn.egov.platform.outbox.Outbox;

/** The demo's use case: a state change and its event in one transaction. */
public class DemoThings {

    private final JdbcTemplate jdbc;
    private final Outbox outbox;
    private final String topic;

    DemoThings(JdbcTemplate jdbc, Outbox outbox, @Value("${demo.topic}") String topic) {
        this.jdbc = jdbc;
        this.outbox = outbox;
        this.topic = topic;
    }

    /** Creates a thing; a name starting with "rollback" fails after the event was appended. */
    @Transactional
    public UUID create(String name) {
        return createWithId(UUID.randomUUID(), name);
    }

    @Transactional
    public UUID createWithId(UUID id, String name) {
        jdbc.update("INSERT INTO demo_thing (id, name) VALUES (?, ?)", id, name);
        outbox.append(topic, DemoApplication.TYPE, id.toString(), new ThingCreated(id, name));
        if (name.startsWith("rollback")) {
            throw new IllegalStateException("the use case failed after appending its event");
        }
        return id;
    }

    /** Appends an event of the given type (to prove type validation). */
    @Transactional
    public void createWithType(String type) {
        UUID id = UUID.randomUUID();
        jdbc.update("INSERT INTO demo_thing (id, name) VALUES (?, ?)", id, type);
        outbox.append(topic, type, id.toString(), new ThingCreated(id, type));
    }

    public String topic() {
        return topic;
    }
}
