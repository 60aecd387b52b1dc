package vn.egov.platform.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import vn.egov.platform.events.DemoIntegrationTest;
import vn.egov.platform.testing.TestKafka;

/** An event Kafka refuses is retried with growing back-off and does not hold up the others. */
@DemoIntegrationTest
class RelayFailureIT {

    @Autowired
    Outbox outbox;

    @Autowired
    TransactionTemplate tx;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    MeterRegistry meters;

    @Autowired
    OutboxRelay relay;

    @Test
    void aRefusedEventBacksOffWhileTheOthersArePublished() {
        String topic = "relay.failure.v1." + UUID.randomUUID().toString().substring(0, 8);
        String tooLarge = "x".repeat(1_200_000); // over the producer's max.request.size (1 MB)
        tx.executeWithoutResult(s -> {
            outbox.append(topic, "vn.egov.platform.thing.created.v1", "big", Map.of("name", tooLarge));
            outbox.append(topic, "vn.egov.platform.thing.created.v1", "small", Map.of("name", "small"));
        });

        await().atMost(Duration.ofSeconds(20))
                .until(() -> TestKafka.records(topic).size() == 1);
        assertThat(TestKafka.records(topic).getFirst().key()).isEqualTo("small");

        await().atMost(Duration.ofSeconds(20)).until(() -> attempts("big") >= 3);
        Map<String, Object> big =
                jdbc.queryForMap("SELECT published_at, last_error FROM outbox_event WHERE subject = 'big'");
        assertThat(big.get("published_at")).isNull();
        assertThat((String) big.get("last_error")).contains("RecordTooLarge");
        assertThat(meters.get("egov.outbox.failures").counter().count()).isGreaterThanOrEqualTo(3);
        assertThat(relay.backlog()).isEqualTo(1);
        assertThat(meters.get("egov.outbox.oldest.age").gauge().value()).isPositive();
    }

    @Test
    void illegalTopicNamesAreRefusedWhenAppending() {
        assertThatThrownBy(() -> tx.executeWithoutResult(
                        s -> outbox.append("no spaces", "vn.egov.platform.thing.created.v1", "x", Map.of())))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private int attempts(String subject) {
        return jdbc.queryForObject("SELECT attempts FROM outbox_event WHERE subject = ?", Integer.class, subject);
    }
}
