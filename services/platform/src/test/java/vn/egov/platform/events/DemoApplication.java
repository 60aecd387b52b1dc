package vn.egov.platform.events;

import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/**
 * A tiny service for the messaging proofs: creating a thing writes a {@code demo_thing} row and a
 * {@code vn.egov.platform.thing.created.v1} event through the outbox; a listener applies an effect
 * ({@code demo_effect} row) through the inbox.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import({DemoThings.class, DemoConsumer.class, RelayFaults.class})
public class DemoApplication {

    static final String TYPE = "vn.egov.platform.thing.created.v1";

    @Bean
    NewTopic demoTopic(@Value("${demo.topic}") String topic) {
        return new NewTopic(topic, 3, (short) 1);
    }
}
