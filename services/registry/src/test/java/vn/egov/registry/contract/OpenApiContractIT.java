package vn.egov.registry.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import vn.egov.registry.testing.RegistryIntegrationTest;

/**
 * The running registry and {@code contracts/openapi/registry.yaml} agree on every path and operation: a new,
 * removed or renamed endpoint on either side fails this test.
 */
class OpenApiContractIT extends RegistryIntegrationTest {

    static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch");

    @Autowired
    MockMvc mvc;

    @Test
    void theRunningServiceAndTheCommittedSpecHaveTheSameOperations() throws Exception {
        String live = mvc.perform(get("/v3/api-docs"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        if (Boolean.getBoolean("registry.dump-api-docs")) {
            java.nio.file.Files.writeString(java.nio.file.Path.of("target/api-docs.json"), live);
        }
        Map<String, Set<String>> running = operations(new ObjectMapper().readTree(live));
        Map<String, Set<String>> committed;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("contracts/openapi/registry.yaml")) {
            assertThat(in)
                    .as("contracts/openapi/registry.yaml on the classpath")
                    .isNotNull();
            committed = operations(new YAMLMapper().readTree(in));
        }
        running.keySet().removeIf(path -> !path.startsWith("/api/registry/"));
        assertThat(running).as("paths and operations of the running service").isEqualTo(committed);
    }

    static Map<String, Set<String>> operations(JsonNode spec) throws IOException {
        Map<String, Set<String>> out = new TreeMap<>();
        spec.get("paths").fields().forEachRemaining(path -> {
            Set<String> methods = new TreeSet<>();
            path.getValue().fieldNames().forEachRemaining(name -> {
                if (METHODS.contains(name)) {
                    methods.add(name);
                }
            });
            out.put(path.getKey(), methods);
        });
        return out;
    }
}
