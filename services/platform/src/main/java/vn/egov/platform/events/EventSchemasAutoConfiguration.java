package vn.egov.platform.events;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/** {@link EventSchemas} over {@code classpath:contracts/events/}. */
@AutoConfiguration
@ConditionalOnClass(com.networknt.schema.JsonSchemaFactory.class)
public class EventSchemasAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    EventSchemas eventSchemas() {
        return new EventSchemas();
    }
}
