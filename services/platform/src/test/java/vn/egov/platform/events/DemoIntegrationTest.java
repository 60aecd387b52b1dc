package vn.egov.platform.events;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import vn.egov.platform.testing.EgovIntegrationTest;

/** An integration test of the demo application, with its own topic and consumer group. */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@EgovIntegrationTest(
        classes = DemoApplication.class,
        properties = {
            "spring.application.name=platform-demo",
            "egov.api-prefix=/api/demo",
            "spring.flyway.locations=classpath:db/platform,classpath:vn/egov/platform/events/db",
            "demo.topic=demo.thing.v1.${egov.test.id}",
            "demo.group=platform-demo",
            "egov.kafka.consumers.platform-demo=demo.thing.v1.${egov.test.id}",
            "egov.kafka.retry.attempts=2",
            "egov.kafka.retry.initial-interval=50ms",
            "egov.outbox.backoff-initial=100ms",
            "egov.outbox.backoff-max=1s"
        })
@AutoConfigureMockMvc
public @interface DemoIntegrationTest {}
