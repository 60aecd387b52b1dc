package vn.egov.platform.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class EventSchemasTest {

    final EventSchemas schemas = new EventSchemas();

    @Test
    void dataThatFitsTheSchemaHasNoProblems() {
        assertThat(schemas.problems(
                        DemoApplication.TYPE, "{\"thingId\":\"0b5a4a43-5a3e-4a3b-9a55-0d0f7c1e9b11\",\"name\":\"a\"}"))
                .isEmpty();
    }

    @Test
    void everyBrokenRuleIsReported() {
        assertThat(schemas.problems(DemoApplication.TYPE, "{\"name\":\"\"}"))
                .hasSize(2)
                .anySatisfy(p -> assertThat(p).contains("thingId"))
                .anySatisfy(p -> assertThat(p).contains("name"));
        assertThatThrownBy(() -> schemas.validate(DemoApplication.TYPE, "{}"))
                .isInstanceOf(InvalidEventException.class)
                .hasMessageContaining("thingId");
        assertThat(schemas.problems(DemoApplication.TYPE, "not json"))
                .singleElement()
                .asString()
                .startsWith("not JSON");
    }

    @Test
    void typesWithoutASchemaAreKnownAsSuch() {
        assertThat(schemas.has(DemoApplication.TYPE)).isTrue();
        assertThat(schemas.has("vn.egov.platform.thing.vanished.v1")).isFalse();
        assertThatThrownBy(() -> schemas.problems("vn.egov.platform.thing.vanished.v1", "{}"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
