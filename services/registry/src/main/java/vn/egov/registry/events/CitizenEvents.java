package vn.egov.registry.events;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import vn.egov.platform.outbox.Outbox;

/**
 * The change events of citizens, topic {@code registry.citizen.v1}: appended to the platform's transactional
 * outbox in the transaction that makes the change, then relayed to Kafka as CloudEvents (subject and key = the
 * citizen's id, so one citizen's events stay in order on one partition). They carry identifiers and the names of
 * what changed, never personal values (schemas in {@code contracts/events/vn.egov.registry.citizen.*}).
 */
@Component
public class CitizenEvents {

    public static final String TOPIC = "registry.citizen.v1";

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

    private final Outbox outbox;
    private final Clock clock;
    private final String topic;

    public CitizenEvents(Outbox outbox, Clock clock, @Value("${egov.registry.topic:" + TOPIC + "}") String topic) {
        this.outbox = outbox;
        this.clock = clock;
        this.topic = topic;
    }

    /** Appends the event to the outbox; must run inside the transaction of the change. */
    @Transactional(propagation = Propagation.MANDATORY)
    public UUID publish(
            Type type, UUID citizenId, String pid, int version, List<String> changedFields, String previousPid) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("citizenId", citizenId.toString());
        data.put("pid", pid);
        if (previousPid != null) {
            data.put("previousPid", previousPid);
        }
        data.put("version", version);
        data.put("changedFields", List.copyOf(changedFields));
        data.put("occurredAt", clock.instant().toString());
        return outbox.append(topic, type.ceType(), citizenId.toString(), data);
    }
}
