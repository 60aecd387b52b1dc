package vn.egov.platform.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/** Every event type in {@code contracts/events/} has a schema and a canonical example that fits it. */
class EventContractsTest {

    final EventSchemas schemas = new EventSchemas();

    @Test
    void everyExampleFitsItsSchema() throws IOException {
        Resource[] examples = new PathMatchingResourcePatternResolver()
                .getResources("classpath*:" + EventSchemas.DEFAULT_LOCATION + "vn.egov.*.example.json");
        List<String> types = Arrays.stream(examples)
                .map(r -> r.getFilename().substring(0, r.getFilename().length() - ".example.json".length()))
                .toList();

        assertThat(types)
                .contains(
                        "vn.egov.portal.dossier.status-changed.v1",
                        "vn.egov.portal.payment.status-changed.v1",
                        "vn.egov.interchange.document.sent.v1",
                        "vn.egov.registry.citizen.registered.v1");
        for (Resource example : examples) {
            String type = example.getFilename().replace(".example.json", "");
            assertThat(schemas.has(type)).as("schema of %s", type).isTrue();
            String json = example.getContentAsString(StandardCharsets.UTF_8);
            assertThat(schemas.problems(type, json)).as(type).isEmpty();
        }
    }
}
