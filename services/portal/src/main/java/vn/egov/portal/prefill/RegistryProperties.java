package vn.egov.portal.prefill;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the population registry answers ({@code egov.portal.registry.*}) and how long the portal waits for it
 * before pre-fill gives up and returns an empty form with a notice.
 */
@ConfigurationProperties("egov.portal.registry")
public record RegistryProperties(
        @DefaultValue("http://localhost:8083") String baseUrl,
        @DefaultValue("2s") Duration connectTimeout,
        @DefaultValue("5s") Duration readTimeout) {}
