package vn.egov.registry.events;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * The change events of citizens, topic {@code registry.citizen.v1}: written to the outbox in the transaction that
 * makes the change. They carry identifiers and the names of what changed, never personal values (schemas in
 * {@code contracts/events/vn.egov.registry.citizen.*}).
 */
@Component
public class CitizenEvents {

    public static final String TOPIC = "registry.citizen.v1";
    public static final String SOURCE = "registry";

    /** Event types, {@code vn.egov.registry.citizen.<event>.v1}. */
    public enum Type {
        REGISTERED("registered"),
        RESIDENCE_CHANGED("residence-changed"),
        DECEASED("deceased"),
        CORRECTED("corrected");

        private final String event;

        Type(String event) {
            this.event = event;
        }

        public String ceType() {
            return "vn.egov.registry.citizen." + event + ".v1";
        }
    }

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final Clock clock;

    public CitizenEvents(JdbcClient jdbc, JsonMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
    }

    /** Appends the event to the outbox; must run inside the transaction of the change. */
    @Transactional(propagation = Propagation.MANDATORY)
    public UUID publish(
            Type type, UUID citizenId, String pid, int version, List<String> changedFields, String previousPid) {
        Instant now = clock.instant();
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("citizenId", citizenId.toString());
        data.put("pid", pid);
        if (previousPid != null) {
            data.put("previousPid", previousPid);
        }
        data.put("version", version);
        data.put("changedFields", List.copyOf(changedFields));
        data.put("occurredAt", now.toString());
        UUID id = UUID.randomUUID();
        jdbc.sql("insert into citizen_event (id, type, subject, data, occurred_at) values (?, ?, ?, ?::jsonb, ?)")
                .params(
                        id,
                        type.ceType(),
                        citizenId.toString(),
                        json.writeValueAsString(data),
                        OffsetDateTime.ofInstant(now, ZoneOffset.UTC))
                .update();
        return id;
    }
}
