package vn.egov.platform.web;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.util.unit.DataSize;
import tools.jackson.databind.json.JsonMapper;

/** problem+json everywhere, and a body-size limit in front of every endpoint. */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
public class EgovWebAutoConfiguration {

    @Bean
    ProblemWriter problemWriter(
            MessageSource messageSource, org.springframework.beans.factory.ObjectProvider<JsonMapper> json) {
        return new ProblemWriter(messageSource, json.getIfAvailable(JsonMapper::shared));
    }

    @Bean
    ProblemAdvice problemAdvice(ProblemWriter problems) {
        return new ProblemAdvice(problems);
    }

    @Bean
    FilterRegistrationBean<BodySizeLimitFilter> bodySizeLimitFilter(
            @Value("${egov.web.max-body-size:1MB}") DataSize maxBodySize, ProblemWriter problems) {
        var registration = new FilterRegistrationBean<>(new BodySizeLimitFilter(maxBodySize.toBytes(), problems));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        return registration;
    }
}
