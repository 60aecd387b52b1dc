package vn.egov.registry.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Set;

/** Validates event payloads against the committed schemas in {@code contracts/events/}. */
public final class EventContract {

    private static final ObjectMapper JSON = new ObjectMapper();

    private EventContract() {}

    public static JsonSchema schema(String type) {
        try (InputStream in = resource("contracts/events/" + type + ".schema.json")) {
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
                    .getSchema(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String example(String type) {
        try (InputStream in = resource("contracts/events/" + type + ".example.json")) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static void assertValid(String type, String json) {
        try {
            Set<ValidationMessage> errors = schema(type).validate(JSON.readTree(json));
            assertThat(errors).as("%s against %s.schema.json", json, type).isEmpty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static InputStream resource(String path) {
        InputStream in = EventContract.class.getClassLoader().getResourceAsStream(path);
        if (in == null) {
            throw new IllegalStateException(path + " is not on the classpath (contracts module)");
        }
        return in;
    }
}
