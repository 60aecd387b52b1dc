package vn.egov.platform.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.IllegalTransactionStateException;
import vn.egov.platform.outbox.Outbox;
import vn.egov.platform.testing.TestKafka;

/** A state change and its event are both kept or both lost; what is kept reaches Kafka as a CloudEvent. */
@DemoIntegrationTest
class OutboxAtomicityIT {

    @Autowired
    DemoThings things;

    @Autowired
    Outbox outbox;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    EventSchemas schemas;

    @Autowired
    Tracer tracer;

    @Test
    void committedChangePublishesItsEventAsABinaryCloudEvent() {
        UUID id = things.create("hồ sơ 1");

        List<ConsumerRecord<String, byte[]>> records =
                await().atMost(Duration.ofSeconds(20)).until(() -> recordsAbout(id), r -> !r.isEmpty());

        assertThat(records).hasSize(1);
        ConsumerRecord<String, byte[]> record = records.getFirst();
        assertThat(record.key()).isEqualTo(id.toString());
        assertThat(TestKafka.header(record, "ce_specversion")).isEqualTo("1.0");
        assertThat(TestKafka.header(record, "ce_type")).isEqualTo("vn.egov.platform.thing.created.v1");
        assertThat(TestKafka.header(record, "ce_source")).isEqualTo("platform-demo");
        assertThat(TestKafka.header(record, "ce_time")).isNotBlank();
        assertThat(TestKafka.header(record, "content-type")).isEqualTo("application/json");
        String data = new String(record.value(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(schemas.problems(DemoApplication.TYPE, data)).isEmpty();
        assertThat(data).contains("\"name\"").contains("hồ sơ 1");
        assertThat(count("SELECT count(*) FROM demo_thing WHERE id = ?", id)).isEqualTo(1);
        await().atMost(Duration.ofSeconds(10))
                .until(() -> count(
                                "SELECT count(*) FROM outbox_event WHERE subject = ? AND published_at IS NOT NULL",
                                id.toString())
                        == 1);
    }

    @Test
    void rolledBackChangeLeavesNeitherRowNorEvent() {
        assertThatThrownBy(() -> things.create("rollback me")).isInstanceOf(IllegalStateException.class);
        // a later committed change is published; had the rolled-back event existed, it would be there by then
        UUID later = things.create("after the rollback");
        await().atMost(Duration.ofSeconds(20)).until(() -> !recordsAbout(later).isEmpty());

        assertThat(count("SELECT count(*) FROM demo_thing WHERE name = ?", "rollback me"))
                .isZero();
        assertThat(count("SELECT count(*) FROM outbox_event WHERE data->>'name' = ?", "rollback me"))
                .isZero();
        assertThat(TestKafka.records(things.topic()))
                .noneMatch(r -> new String(r.value(), java.nio.charset.StandardCharsets.UTF_8).contains("rollback me"));
    }

    @Test
    void appendingOutsideATransactionIsRefused() {
        assertThatThrownBy(() -> outbox.append(
                        things.topic(), DemoApplication.TYPE, "x", new ThingCreated(UUID.randomUUID(), "x")))
                .isInstanceOf(IllegalTransactionStateException.class);
    }

    @Test
    void eventTypesMustFollowTheNamingRule() {
        assertThatThrownBy(() -> things.createWithType("ThingCreated"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("vn.egov.<service>.<aggregate>.<event>.v<N>");
        assertThat(count("SELECT count(*) FROM outbox_event WHERE type = ?", "ThingCreated"))
                .isZero();
    }

    @Test
    void theTraceOfTheBusinessRequestContinuesInTheConsumer() {
        Span span = tracer.nextSpan().name("submit").start();
        UUID id;
        try (var scope = tracer.withSpan(span)) {
            id = things.create("traced");
        } finally {
            span.end();
        }
        String traceId = span.context().traceId();

        List<ConsumerRecord<String, byte[]>> records =
                await().atMost(Duration.ofSeconds(20)).until(() -> recordsAbout(id), r -> !r.isEmpty());
        assertThat(TestKafka.header(records.getFirst(), "traceparent")).contains(traceId);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(
                        jdbc.queryForList("SELECT trace_id FROM demo_effect WHERE thing_id = ?", String.class, id))
                .containsExactly(traceId));
    }

    private List<ConsumerRecord<String, byte[]>> recordsAbout(UUID id) {
        return TestKafka.records(things.topic()).stream()
                .filter(r -> id.toString().equals(r.key()))
                .toList();
    }

    private long count(String sql, Object... args) {
        return jdbc.queryForObject(sql, Long.class, args);
    }
}
