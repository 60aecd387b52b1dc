package vn.egov.registry.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Every registry event type has a schema and an example, and the example satisfies the schema. */
class EventContractTest {

    @Test
    void examplesSatisfyTheirSchemas() {
        for (CitizenEvents.Type type : CitizenEvents.Type.values()) {
            EventContract.assertValid(type.ceType(), EventContract.example(type.ceType()));
        }
        assertThat(Arrays.stream(CitizenEvents.Type.values()).map(CitizenEvents.Type::ceType))
                .contains("vn.egov.registry.citizen.registered.v1", "vn.egov.registry.citizen.corrected.v1");
    }

    @Test
    void aPayloadWithPersonalValuesIsRejected() {
        String leaky = """
                {"citizenId":"5b0c8a52-7f0e-4c43-9a0f-2f1d8e6b7a10","pid":"001099012345","version":1,
                 "changedFields":["fullName"],"occurredAt":"2026-03-02T02:15:30Z","fullName":"Nguyễn Văn An"}""";
        var errors =
                EventContract.schema("vn.egov.registry.citizen.corrected.v1").validate(readTree(leaky));
        assertThat(errors).isNotEmpty();
    }

    private static com.fasterxml.jackson.databind.JsonNode readTree(String json) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().readTree(json);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
