package vn.egov.interchange.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.io.InputStream;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.yaml.snakeyaml.Yaml;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.egov.interchange.testing.InterchangeIT;

/** The running service and contracts/openapi/interchange.yaml name the same operations. */
class OpenApiContractIT extends InterchangeIT {

    static final Set<String> METHODS = Set.of("get", "post", "put", "patch", "delete");

    @Autowired
    MockMvc mvc;

    @Test
    void theLiveApiAndTheCommittedSpecAgree() throws Exception {
        String json = mvc.perform(get("/v3/api-docs")).andReturn().getResponse().getContentAsString();
        JsonNode live = JsonMapper.shared().readTree(json).get("paths");
        Set<String> liveOperations = new TreeSet<>();
        for (var entry : live.properties()) {
            if (entry.getKey().startsWith("/api/interchange")) {
                for (var op : entry.getValue().properties()) {
                    if (METHODS.contains(op.getKey())) {
                        liveOperations.add(op.getKey().toUpperCase() + " " + entry.getKey());
                    }
                }
            }
        }
        Set<String> specOperations = new TreeSet<>();
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("contracts/openapi/interchange.yaml")) {
            Map<String, Object> spec = new Yaml().load(in);
            @SuppressWarnings("unchecked")
            Map<String, Map<String, Object>> paths = (Map<String, Map<String, Object>>) spec.get("paths");
            paths.forEach((path, ops) -> ops.keySet().stream()
                    .filter(METHODS::contains)
                    .forEach(m -> specOperations.add(m.toUpperCase() + " " + path)));
        }
        assertThat(liveOperations).hasSizeGreaterThan(10).isEqualTo(specOperations);
    }
}
