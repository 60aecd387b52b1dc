package vn.egov.platform.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The event contracts: validates event data against {@code contracts/events/<type>.schema.json} on the
 * classpath (JSON Schema 2020-12), as packaged by the {@code contracts} module. Producer tests validate what
 * they publish; consumer tests parse the canonical examples.
 */
public class EventSchemas {

    /** Where the {@code contracts} module puts the event schemas on the classpath. */
    public static final String DEFAULT_LOCATION = "contracts/events/";

    private final String location;
    private final JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
    private final ObjectMapper json = new ObjectMapper();
    private final Map<String, Optional<JsonSchema>> schemas = new ConcurrentHashMap<>();

    public EventSchemas() {
        this(DEFAULT_LOCATION);
    }

    /** @param location a classpath folder ending with {@code /} */
    public EventSchemas(String location) {
        this.location = location.endsWith("/") ? location : location + "/";
    }

    /** Whether a schema exists for this type. */
    public boolean has(String type) {
        return schema(type).isPresent();
    }

    /**
     * The problems of {@code jsonData} against the type's schema, empty when it is valid.
     *
     * @throws IllegalArgumentException when no schema exists for the type
     */
    public List<String> problems(String type, String jsonData) {
        JsonSchema schema =
                schema(type).orElseThrow(() -> new IllegalArgumentException("no schema for event type " + type));
        JsonNode node;
        try {
            node = json.readTree(jsonData);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            return List.of("not JSON: " + e.getOriginalMessage());
        }
        return schema.validate(node).stream()
                .sorted(Comparator.comparing(
                        ValidationMessage::getInstanceLocation, Comparator.comparing(Object::toString)))
                .map(ValidationMessage::getMessage)
                .toList();
    }

    /**
     * Validates data, throwing {@link InvalidEventException} with every problem when it breaks the schema.
     *
     * @throws IllegalArgumentException when no schema exists for the type
     */
    public void validate(String type, String jsonData) {
        List<String> problems = problems(type, jsonData);
        if (!problems.isEmpty()) {
            throw new InvalidEventException("event data breaks the schema of " + type, problems);
        }
    }

    /** Validates the data of a received event. */
    public void validate(IncomingEvent event) {
        validate(event.type(), event.data().toString());
    }

    private Optional<JsonSchema> schema(String type) {
        EventType.of(type);
        return schemas.computeIfAbsent(type, this::load);
    }

    private Optional<JsonSchema> load(String type) {
        String path = location + type + ".schema.json";
        if (Thread.currentThread().getContextClassLoader().getResource(path) == null
                && EventSchemas.class.getClassLoader().getResource(path) == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(factory.getSchema(SchemaLocation.of("classpath:" + path)));
        } catch (RuntimeException e) {
            throw new UncheckedIOException(new IOException("cannot read schema " + path, e));
        }
    }
}
