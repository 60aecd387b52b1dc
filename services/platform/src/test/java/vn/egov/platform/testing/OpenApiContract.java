package vn.egov.platform.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.springframework.test.web.servlet.MockMvc;
import org.yaml.snakeyaml.Yaml;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A running service and its committed {@code contracts/openapi/<service>.yaml} name the same operations: a new,
 * removed or renamed endpoint on either side fails the service's contract test. With
 * {@code -Degov.dump-api-docs=true} the live document is also written to {@code target/api-docs.json}.
 */
public final class OpenApiContract {

    static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch");

    private OpenApiContract() {}

    /** Compares the operations under {@code pathPrefixes} of the live {@code /v3/api-docs} with the document. */
    public static void assertSameOperations(MockMvc mvc, String service, String... pathPrefixes) throws Exception {
        String live = mvc.perform(get("/v3/api-docs")).andReturn().getResponse().getContentAsString();
        if (Boolean.getBoolean("egov.dump-api-docs")) {
            Files.writeString(Path.of("target", "api-docs.json"), live);
        }
        Map<String, Set<String>> running = new TreeMap<>();
        for (var path : JsonMapper.shared().readTree(live).get("paths").properties()) {
            if (Set.of(pathPrefixes).stream().anyMatch(path.getKey()::startsWith)) {
                running.put(path.getKey(), methods(path.getValue()));
            }
        }
        assertThat(running).as("operations of the running %s", service).hasSizeGreaterThan(3);
        assertThat(running)
                .as("paths and operations of the running %s", service)
                .isEqualTo(committed(service));
    }

    private static Set<String> methods(JsonNode path) {
        Set<String> methods = new TreeSet<>();
        path.propertyNames().forEach(name -> {
            if (METHODS.contains(name)) {
                methods.add(name);
            }
        });
        return methods;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Set<String>> committed(String service) {
        String resource = "contracts/openapi/" + service + ".yaml";
        try (InputStream in = OpenApiContract.class.getClassLoader().getResourceAsStream(resource)) {
            assertThat(in).as(resource + " on the classpath").isNotNull();
            Map<String, Object> spec = new Yaml().load(in);
            Map<String, Set<String>> out = new TreeMap<>();
            ((Map<String, Map<String, Object>>) spec.get("paths")).forEach((path, operations) -> {
                Set<String> methods = new TreeSet<>(operations.keySet());
                methods.retainAll(METHODS);
                out.put(path, methods);
            });
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
