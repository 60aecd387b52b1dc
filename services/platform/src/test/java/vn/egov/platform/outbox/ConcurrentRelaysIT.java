package vn.egov.platform.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import vn.egov.platform.events.DemoIntegrationTest;
import vn.egov.platform.events.DemoThings;
import vn.egov.platform.kafka.CloudEventKafkaClients;
import vn.egov.platform.testing.TestKafka;

/** Several relay instances on one outbox table publish every event exactly once between them. */
@DemoIntegrationTest
class ConcurrentRelaysIT {

    static final int EVENTS = 300;

    @Autowired
    DemoThings things;

    @Autowired
    OutboxRelay defaultRelay;

    @Autowired
    CloudEventKafkaClients kafka;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    PlatformTransactionManager transactions;

    List<OutboxRelay> extra = List.of();

    @AfterEach
    void stopExtraRelays() {
        extra.forEach(OutboxRelay::stop);
    }

    @Test
    void threeRelaysShareTheTableWithoutSendingAnyRowTwice() {
        var properties = OutboxProperties.defaults().withBatchSize(7);
        var meters = new SimpleMeterRegistry();
        extra = List.of("b", "c").stream()
                .map(name -> new OutboxRelay(
                        name,
                        jdbc,
                        new TransactionTemplate(transactions),
                        kafka.template(),
                        properties,
                        TraceContext.none(),
                        List.of(),
                        meters))
                .toList();
        extra.forEach(OutboxRelay::start);

        for (int i = 0; i < EVENTS; i++) {
            things.create("thing " + i);
        }

        await().atMost(Duration.ofSeconds(60)).until(() -> defaultRelay.backlog() == 0);
        List<ConsumerRecord<String, byte[]>> records = TestKafka.records(things.topic());
        Map<String, Long> perEvent = records.stream()
                .collect(Collectors.groupingBy(r -> TestKafka.header(r, "ce_id"), Collectors.counting()));
        assertThat(perEvent).hasSize(EVENTS);
        assertThat(perEvent.values()).containsOnly(1L);
        double byExtraRelays = meters.find("egov.outbox.published").counters().stream()
                .mapToDouble(c -> c.count())
                .sum();
        assertThat(byExtraRelays).as("the extra relays took part").isPositive();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM outbox_event WHERE published_at IS NULL", Long.class))
                .isZero();
        assertThat(records.stream().map(ConsumerRecord::key).collect(Collectors.toSet()))
                .hasSize(EVENTS);
    }
}
