package vn.egov.platform.outbox;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import java.time.Clock;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;
import vn.egov.platform.kafka.CloudEventKafkaClients;
import vn.egov.platform.kafka.EgovKafkaAutoConfiguration;

/** The transactional outbox and its relay, for any service with a DataSource and Kafka. */
@AutoConfiguration(
        after = EgovKafkaAutoConfiguration.class,
        afterName = {
            "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
            "org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration",
            "org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration",
            "org.springframework.boot.transaction.autoconfigure.TransactionAutoConfiguration",
            "org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration",
            "org.springframework.boot.micrometer.tracing.autoconfigure.MicrometerTracingAutoConfiguration"
        })
@ConditionalOnBean(DataSource.class)
@EnableConfigurationProperties(OutboxProperties.class)
public class OutboxAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    TraceContext outboxTraceContext(ObjectProvider<Tracer> tracer, ObjectProvider<Propagator> propagator) {
        Tracer t = tracer.getIfAvailable();
        Propagator p = propagator.getIfAvailable();
        return t == null || p == null || t == Tracer.NOOP ? TraceContext.none() : new TraceContext(t, p);
    }

    @Bean
    @ConditionalOnMissingBean
    Outbox outbox(
            DataSource dataSource,
            ObjectProvider<JsonMapper> json,
            ObjectProvider<Clock> clock,
            TraceContext traceContext,
            ObjectProvider<OutboxRelay> relay,
            OutboxProperties properties,
            @Value("${spring.application.name}") String applicationName) {
        Runnable wake = properties.wakeOnCommit() ? () -> relay.ifAvailable(OutboxRelay::wakeUp) : null;
        return new Outbox(
                new JdbcTemplate(dataSource),
                json.getIfAvailable(JsonMapper::shared),
                applicationName,
                clock.getIfAvailable(Clock::systemUTC),
                traceContext,
                wake);
    }

    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnProperty(prefix = "egov.outbox", name = "relay-enabled", matchIfMissing = true)
    @ConditionalOnBean(CloudEventKafkaClients.class)
    OutboxRelay outboxRelay(
            DataSource dataSource,
            PlatformTransactionManager transactionManager,
            CloudEventKafkaClients kafka,
            OutboxProperties properties,
            TraceContext traceContext,
            ObjectProvider<OutboxRelayListener> listeners,
            ObjectProvider<MeterRegistry> meters) {
        return new OutboxRelay(
                "default",
                new JdbcTemplate(dataSource),
                new TransactionTemplate(transactionManager),
                kafka.template(),
                properties,
                traceContext,
                listeners.orderedStream().toList(),
                meters.getIfAvailable(SimpleMeterRegistry::new));
    }
}
