package vn.egov.platform.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.MockMvc;
import vn.egov.platform.deadletter.DeadLetter;
import vn.egov.platform.deadletter.DeadLetterTopics;
import vn.egov.platform.deadletter.DeadLetters;
import vn.egov.platform.testing.TestKafka;

/**
 * Every effect happens exactly once: when the relay dies between Kafka's acknowledgement and marking the row,
 * when the same event arrives twice, and when a poison event is dead-lettered then replayed after the fix.
 */
@DemoIntegrationTest
class ExactlyOnceIT {

    @Autowired
    DemoThings things;

    @Autowired
    DemoConsumer consumer;

    @Autowired
    RelayFaults faults;

    @Autowired
    DeadLetters deadLetters;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    MockMvc mvc;

    @Test
    void relayKilledAfterTheAckSendsAgainAndTheEffectHappensOnce() {
        UUID id = UUID.randomUUID();
        faults.crashAfterAckOf(id.toString());
        UUID created = things.createWithId(id, "sent twice");

        // the first pass dies after the ack: the row stays unpublished and is sent again by a later pass
        await().atMost(Duration.ofSeconds(30)).until(() -> recordsAbout(created).size() == 2);
        await().atMost(Duration.ofSeconds(10))
                .until(() -> count(
                                "SELECT count(*) FROM outbox_event WHERE subject = ? AND published_at IS NOT NULL",
                                id.toString())
                        == 1);

        List<ConsumerRecord<String, byte[]>> sent = recordsAbout(created);
        assertThat(sent)
                .extracting(r -> TestKafka.header(r, "ce_id"))
                .containsOnly(TestKafka.header(sent.get(0), "ce_id"));
        assertThat(jdbc.queryForObject(
                        "SELECT attempts FROM outbox_event WHERE subject = ?", Integer.class, id.toString()))
                .isEqualTo(1);
        awaitEffects(created, 1);
        assertEffectsStay(created, 1);
    }

    @Test
    void theSameEventDeliveredTwiceHasOneEffect() {
        UUID created = things.create("duplicated");
        await().atMost(Duration.ofSeconds(20)).until(() -> recordsAbout(created).size() == 1);
        awaitEffects(created, 1);

        ConsumerRecord<String, byte[]> original = recordsAbout(created).getFirst();
        TestKafka.send(copyOf(original));
        TestKafka.send(copyOf(original));
        await().atMost(Duration.ofSeconds(20)).until(() -> recordsAbout(created).size() == 3);

        assertEffectsStay(created, 1);
    }

    @Test
    void aPoisonEventGoesToTheDeadLetterTopicAndIsReplayedAfterTheFix() throws Exception {
        UUID poison = things.create("poison pill");
        String dlt = DeadLetterTopics.of(things.topic(), consumer.group());

        DeadLetter letter = await().atMost(Duration.ofSeconds(30))
                .until(
                        () -> deadLetters.list(consumer.group(), 100).stream()
                                .filter(l -> poison.toString().equals(l.key()))
                                .findFirst(),
                        java.util.Optional::isPresent)
                .orElseThrow();
        assertThat(letter.deadLetterTopic()).isEqualTo(dlt);
        assertThat(letter.originalTopic()).isEqualTo(things.topic());
        assertThat(letter.consumerGroup()).isEqualTo(consumer.group());
        assertThat(letter.exceptionMessage()).contains("cannot digest poison pill");
        assertThat(letter.eventType()).isEqualTo(DemoApplication.TYPE);
        assertThat(count("SELECT count(*) FROM demo_effect WHERE thing_id = ?", poison))
                .isZero();

        // administrators see it; others do not
        mvc.perform(get("/admin/dead-letters")
                        .param("consumer", consumer.group())
                        .with(admin()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.key == '%s')].originalTopic", poison).value(things.topic()));
        mvc.perform(get("/admin/dead-letters")
                        .param("consumer", consumer.group())
                        .with(jwt().authorities(new SimpleGrantedAuthority("ROLE_officer"))))
                .andExpect(status().isForbidden());
        mvc.perform(get("/admin/dead-letters").param("consumer", consumer.group()))
                .andExpect(status().isUnauthorized());

        consumer.fixPoison();
        mvc.perform(post(
                                "/admin/dead-letters/{dlt}/{partition}/{offset}/replay",
                                dlt,
                                letter.partition(),
                                letter.offset())
                        .with(admin()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.eventId").value(letter.eventId()));
        awaitEffects(poison, 1);

        // replaying everything again changes nothing: the inbox has it
        mvc.perform(post("/admin/dead-letters/{dlt}/replay", dlt).with(admin()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.replayed").value(org.hamcrest.Matchers.greaterThanOrEqualTo(1)));
        await().atMost(Duration.ofSeconds(20)).until(() -> recordsAbout(poison).size() >= 3); // original + two replays
        assertEffectsStay(poison, 1);
    }

    @Test
    void replayingAPositionThatHoldsNothingIsNotFound() throws Exception {
        String dlt = DeadLetterTopics.of(things.topic(), consumer.group());
        mvc.perform(post("/admin/dead-letters/{dlt}/0/999999/replay", dlt).with(admin()))
                .andExpect(status().isNotFound());
        mvc.perform(post("/admin/dead-letters/{dlt}/0/0/replay", things.topic()).with(admin()))
                .andExpect(status().isBadRequest());
    }

    @Test
    void aRecordThatIsNotACloudEventIsDeadLetteredWithoutRetries() {
        String key = UUID.randomUUID().toString();
        TestKafka.send(new ProducerRecord<>(
                things.topic(), key, "{\"not\":\"a cloud event\"}".getBytes(StandardCharsets.UTF_8)));

        DeadLetter letter = await().atMost(Duration.ofSeconds(30))
                .until(
                        () -> deadLetters.list(consumer.group(), 100).stream()
                                .filter(l -> key.equals(l.key()))
                                .findFirst(),
                        java.util.Optional::isPresent)
                .orElseThrow();
        assertThat(letter.exception()).isEqualTo(InvalidEventException.class.getName());
    }

    private static org.springframework.test.web.servlet.request.RequestPostProcessor admin() {
        return jwt().authorities(new SimpleGrantedAuthority("ROLE_platform-admin"));
    }

    private static ProducerRecord<String, byte[]> copyOf(ConsumerRecord<String, byte[]> record) {
        var copy = new ProducerRecord<>(record.topic(), record.key(), record.value());
        record.headers().forEach(copy.headers()::add);
        return copy;
    }

    private void awaitEffects(UUID thing, int expected) {
        await().atMost(Duration.ofSeconds(30))
                .until(() -> count("SELECT count(*) FROM demo_effect WHERE thing_id = ?", thing) == expected);
    }

    /** The consumer has caught up with the topic and the effect count did not move. */
    private void assertEffectsStay(UUID thing, int expected) {
        await().atMost(Duration.ofSeconds(30)).until(() -> TestKafka.caughtUp(consumer.group(), things.topic()));
        assertThat(count("SELECT count(*) FROM demo_effect WHERE thing_id = ?", thing))
                .isEqualTo(expected);
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
