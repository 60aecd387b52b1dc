package vn.egov.platform.inbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import vn.egov.platform.events.DemoIntegrationTest;

/** The inbox runs an effect once per consumer and event, atomically with the effect. */
@DemoIntegrationTest
class InboxIT {

    @Autowired
    Inbox inbox;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void anEventIsAppliedOncePerConsumer() {
        String event = UUID.randomUUID().toString();

        assertThat(inbox.receive("reporting", event, () -> effect(event))).isTrue();
        assertThat(inbox.receive("reporting", event, () -> effect(event))).isFalse();
        assertThat(inbox.receive("portal", event, () -> effect(event))).isTrue();

        assertThat(effects(event)).isEqualTo(2);
        assertThat(inbox.received("reporting", event)).isTrue();
        assertThat(inbox.apply("reporting", event, () -> "again")).isEmpty();
        assertThat(inbox.apply("registry", event, () -> "first")).contains("first");
    }

    @Test
    void aFailedEffectLeavesNoTraceSoTheEventCanBeReceivedAgain() {
        String event = UUID.randomUUID().toString();
        var tx = new TransactionTemplate(transactions);

        assertThatThrownBy(() -> tx.executeWithoutResult(s -> inbox.receive("reporting", event, () -> {
                    effect(event);
                    throw new IllegalStateException("effect failed");
                })))
                .hasMessage("effect failed");
        assertThat(effects(event)).isZero();
        assertThat(inbox.received("reporting", event)).isFalse();

        Boolean applied = tx.execute(s -> inbox.receive("reporting", event, () -> effect(event)));
        assertThat(applied).isTrue();
        assertThat(effects(event)).isEqualTo(1);
    }

    @Test
    void twoConcurrentDeliveriesOfOneEventApplyItOnce() throws Exception {
        String event = UUID.randomUUID().toString();
        var tx = new TransactionTemplate(transactions);
        var bothInside = new CountDownLatch(2);
        try (var pool = Executors.newFixedThreadPool(2)) {
            Future<Boolean> first = pool.submit(() -> tx.execute(s -> {
                bothInside.countDown();
                await(bothInside);
                return inbox.receive("reporting", event, () -> effect(event));
            }));
            Future<Boolean> second = pool.submit(() -> tx.execute(s -> {
                bothInside.countDown();
                await(bothInside);
                return inbox.receive("reporting", event, () -> effect(event));
            }));
            assertThat(first.get(30, TimeUnit.SECONDS) ^ second.get(30, TimeUnit.SECONDS))
                    .as("exactly one delivery applies the effect")
                    .isTrue();
        }
        assertThat(effects(event)).isEqualTo(1);
    }

    private void effect(String event) {
        jdbc.update(
                "INSERT INTO demo_effect (event_id, thing_id, name) VALUES (?, ?, 'inbox test')",
                event,
                UUID.randomUUID());
    }

    private long effects(String event) {
        return jdbc.queryForObject("SELECT count(*) FROM demo_effect WHERE event_id = ?", Long.class, event);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
