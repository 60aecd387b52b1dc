package vn.egov.gateway.config;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Everything the gateway needs to know about its surroundings, bound from {@code egov.gateway.*}.
 *
 * @param publicUrl where browsers reach the gateway ({@code EGOV_PUBLIC_URL}); Keycloak sends them back here
 *     after logout
 * @param oidc the Keycloak realm and the browser client
 * @param services every backbone service behind the gateway, by name: its base URI, the path it serves and how
 *     long the gateway waits for it
 * @param breaker the circuit-breaker settings shared by every service route
 * @param cors origins allowed to call the gateway from another site (none by default)
 */
@ConfigurationProperties("egov.gateway")
public record GatewayProperties(
        URI publicUrl,
        Oidc oidc,
        Map<String, Service> services,
        @DefaultValue Breaker breaker,
        @DefaultValue Cors cors) {

    public GatewayProperties {
        services = services == null ? Map.of() : Map.copyOf(services);
    }

    /**
     * @param issuer the realm's issuer URL ({@code EGOV_OIDC_ISSUER}); every endpoint is derived from it, so the
     *     gateway starts while Keycloak is down
     * @param clientId the public browser client ({@code EGOV_GATEWAY_CLIENT_ID})
     * @param scopes scopes requested at login
     */
    public record Oidc(
            String issuer,
            @DefaultValue("egov-web") String clientId,
            @DefaultValue({"openid", "profile"}) List<String> scopes) {

        public String endpoint(String name) {
            return issuer + "/protocol/openid-connect/" + name;
        }
    }

    /**
     * @param uri base URI of the service ({@code EGOV_<SERVICE>_URL})
     * @param path the API path the service serves, unchanged through the gateway, e.g. {@code /api/portal/**}
     * @param timeout how long a call may take before the gateway answers 503; generous, because a cut-off call
     *     may still complete downstream
     * @param publicPaths paths of the service that answer without a login (a public catalogue, a lookup, open
     *     data, a provider's signed callback); the service itself declares the same paths public
     */
    public record Service(
            URI uri,
            String path,
            @DefaultValue("10s") Duration timeout,
            @DefaultValue List<String> publicPaths) {

        public Service {
            publicPaths = publicPaths == null ? List.of() : List.copyOf(publicPaths);
        }
    }

    /** The paths of every service that answer without a login. */
    public List<String> publicPaths() {
        return services.values().stream()
                .flatMap(service -> service.publicPaths().stream())
                .distinct()
                .toList();
    }

    /**
     * @param slidingWindow calls the failure rate is computed over
     * @param minimumCalls calls needed before the breaker may open
     * @param failureRateThreshold percentage of failed calls that opens the breaker
     * @param openFor how long an open breaker answers without calling the service
     * @param halfOpenCalls trial calls let through once {@code openFor} has elapsed
     */
    public record Breaker(
            @DefaultValue("20") int slidingWindow,
            @DefaultValue("10") int minimumCalls,
            @DefaultValue("50") float failureRateThreshold,
            @DefaultValue("30s") Duration openFor,
            @DefaultValue("3") int halfOpenCalls) {}

    /** @param allowedOrigins origins allowed to make cross-site calls; empty means none. */
    public record Cors(@DefaultValue List<String> allowedOrigins) {}
}
