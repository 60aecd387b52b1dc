package vn.egov.portal.transfer;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The back-off between sending attempts: doubling from the first wait, capped. */
class TransferPropertiesTest {

    final TransferProperties properties =
            new TransferProperties(null, null, null, null, null, Duration.ofSeconds(30), Duration.ofMinutes(10), 0);

    @Test
    void theWaitDoublesAfterEachFailureUpToTheCap() {
        assertThat(properties.backoff(1)).isEqualTo(Duration.ofSeconds(30));
        assertThat(properties.backoff(2)).isEqualTo(Duration.ofSeconds(60));
        assertThat(properties.backoff(4)).isEqualTo(Duration.ofSeconds(240));
        assertThat(properties.backoff(5)).isEqualTo(Duration.ofSeconds(480));
        assertThat(properties.backoff(6)).isEqualTo(Duration.ofMinutes(10));
        assertThat(properties.backoff(500)).isEqualTo(Duration.ofMinutes(10));
    }

    @Test
    void defaultsWhenNothingIsConfigured() {
        var defaults = new TransferProperties(null, null, null, null, null, null, null, 0);
        assertThat(defaults.interchangeUrl()).isEqualTo("http://localhost:8082");
        assertThat(defaults.batch()).isEqualTo(20);
        assertThat(defaults.backoff(1)).isEqualTo(Duration.ofSeconds(30));
    }
}
