package vn.egov.gateway.security;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.client.ReactiveOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.ReactiveOAuth2AuthorizedClientProviderBuilder;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.InMemoryReactiveClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.ReactiveClientRegistrationRepository;
import org.springframework.security.oauth2.client.userinfo.ReactiveOAuth2UserService;
import org.springframework.security.oauth2.client.web.DefaultReactiveOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.web.server.ServerOAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.client.web.server.WebSessionServerOAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.ReactiveJwtAuthenticationConverterAdapter;
import org.springframework.security.web.server.DelegatingServerAuthenticationEntryPoint;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.authentication.RedirectServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authentication.RedirectServerAuthenticationFailureHandler;
import org.springframework.security.web.server.authentication.logout.DelegatingServerLogoutHandler;
import org.springframework.security.web.server.authentication.logout.SecurityContextServerLogoutHandler;
import org.springframework.security.web.server.authentication.logout.WebSessionServerLogoutHandler;
import org.springframework.security.web.server.csrf.CookieServerCsrfTokenRepository;
import org.springframework.security.web.server.util.matcher.AndServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.MediaTypeServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher.MatchResult;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.reactive.CorsConfigurationSource;
import org.springframework.web.cors.reactive.UrlBasedCorsConfigurationSource;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import vn.egov.gateway.config.GatewayProperties;
import vn.egov.gateway.problem.Problems;

/**
 * Two ways in, one filter chain.
 *
 * <ul>
 *   <li><b>Browsers</b> log in with Keycloak (authorization code + PKCE S256, public client); the gateway keeps
 *       the tokens in its session and relays the access token to the services. The browser holds only the
 *       session cookie. Mutations over the session need the CSRF token ({@code XSRF-TOKEN} cookie).
 *   <li><b>Machines</b> send {@code Authorization: Bearer}: the gateway checks the JWT (signature with cached
 *       keys, issuer, expiry, audience {@code egov-api}) and passes it on unchanged. No session, no CSRF.
 * </ul>
 *
 * <p>Unauthenticated API calls get 401 {@code problem+json}; page navigations go to Keycloak's login.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebFluxSecurity
public class SecurityConfiguration {

    public static final String REGISTRATION_ID = "keycloak";
    public static final String USER_NAME_ATTRIBUTE = "preferred_username";
    private static final String LOGIN_ENTRY = "/oauth2/authorization/" + REGISTRATION_ID;

    static final String[] OPEN = {
        "/actuator/health",
        "/actuator/health/**",
        "/actuator/info",
        "/actuator/prometheus",
        "/docs/*/v3/api-docs",
        "/api-docs",
        "/webjars/**",
        "/v3/api-docs/swagger-config",
        "/login",
        "/favicon.ico"
    };

    @Bean
    SecurityWebFilterChain gatewaySecurity(
            ServerHttpSecurity http,
            GatewayProperties properties,
            Problems problems,
            CorsConfigurationSource corsConfigurationSource,
            @Value("${server.reactive.session.cookie.name:SESSION}") String sessionCookie) {
        ProblemSecurityHandlers problemHandlers = new ProblemSecurityHandlers(problems);
        CookieServerCsrfTokenRepository csrfTokens = CookieServerCsrfTokenRepository.withHttpOnlyFalse();
        csrfTokens.setCookieCustomizer(cookie -> cookie.path("/").sameSite("Lax"));

        http.authorizeExchange(exchanges -> exchanges
                        .pathMatchers(OPEN)
                        .permitAll()
                        .pathMatchers(properties.publicPaths().toArray(String[]::new))
                        .permitAll()
                        .pathMatchers("/actuator/**")
                        .denyAll()
                        .anyExchange()
                        .authenticated())
                .oauth2Login(login -> login.authenticationFailureHandler(
                        new RedirectServerAuthenticationFailureHandler("/login?error")))
                .oauth2ResourceServer(resourceServer -> resourceServer
                        .jwt(jwt -> jwt.jwtAuthenticationConverter(jwtAuthentication()))
                        .authenticationEntryPoint(problemHandlers)
                        .accessDeniedHandler(problemHandlers))
                .exceptionHandling(errors -> errors.authenticationEntryPoint(entryPoint(problemHandlers))
                        .accessDeniedHandler(problemHandlers))
                .csrf(csrf -> csrf.csrfTokenRepository(csrfTokens)
                        .csrfTokenRequestHandler(new SpaCsrfTokenRequestHandler())
                        .requireCsrfProtectionMatcher(exchange -> sessionMutation(exchange, sessionCookie))
                        .accessDeniedHandler(problemHandlers))
                .logout(logout -> logout.logoutHandler(new DelegatingServerLogoutHandler(
                                new SecurityContextServerLogoutHandler(), new WebSessionServerLogoutHandler()))
                        .logoutSuccessHandler(new KeycloakLogoutSuccessHandler(
                                properties.oidc().endpoint("logout"),
                                properties.oidc().clientId(),
                                properties.publicUrl())))
                .cors(cors -> cors.configurationSource(corsConfigurationSource))
                .headers(headers -> headers.disable()) // SecurityHeadersFilter writes them on every response
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable);
        return http.build();
    }

    /** API calls and JSON clients get 401 problem+json; a browser navigating to a page goes to Keycloak. */
    private static DelegatingServerAuthenticationEntryPoint entryPoint(ProblemSecurityHandlers problems) {
        MediaTypeServerWebExchangeMatcher html = new MediaTypeServerWebExchangeMatcher(MediaType.TEXT_HTML);
        html.setIgnoredMediaTypes(Set.of(MediaType.ALL));
        ServerWebExchangeMatcher notApi =
                exchange -> exchange.getRequest().getPath().value().startsWith("/api/")
                        ? MatchResult.notMatch()
                        : MatchResult.match();
        var navigation = new DelegatingServerAuthenticationEntryPoint.DelegateEntry(
                new AndServerWebExchangeMatcher(notApi, html), new RedirectServerAuthenticationEntryPoint(LOGIN_ENTRY));
        var entryPoint = new DelegatingServerAuthenticationEntryPoint(navigation);
        entryPoint.setDefaultEntryPoint(problems);
        return entryPoint;
    }

    /**
     * CSRF protects what a cookie authorises: unsafe methods that carry the session cookie and no bearer token.
     * A bearer request cannot be forged by another site (it would need our CORS consent to set the header), and
     * a request without the session cookie has no ambient credential to abuse.
     */
    private static Mono<MatchResult> sessionMutation(ServerWebExchange exchange, String sessionCookie) {
        HttpMethod method = exchange.getRequest().getMethod();
        boolean safe = HttpMethod.GET.equals(method)
                || HttpMethod.HEAD.equals(method)
                || HttpMethod.OPTIONS.equals(method)
                || HttpMethod.TRACE.equals(method);
        String authorization = exchange.getRequest().getHeaders().getFirst(HttpHeaders.AUTHORIZATION);
        boolean bearer = authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7);
        boolean session = exchange.getRequest().getCookies().containsKey(sessionCookie);
        return safe || bearer || !session ? MatchResult.notMatch() : MatchResult.match();
    }

    private static ReactiveJwtAuthenticationConverterAdapter jwtAuthentication() {
        JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
        converter.setJwtGrantedAuthoritiesConverter(jwt -> KeycloakRoles.realmRoles(jwt.getClaims()).stream()
                .map(role ->
                        (org.springframework.security.core.GrantedAuthority) new SimpleGrantedAuthority("ROLE_" + role))
                .toList());
        return new ReactiveJwtAuthenticationConverterAdapter(converter);
    }

    /**
     * The browser client, with every Keycloak endpoint derived from the issuer: nothing is fetched at startup,
     * so the gateway starts while Keycloak is still down. No client secret: PKCE (S256) protects the code.
     */
    @Bean
    ReactiveClientRegistrationRepository clientRegistrations(GatewayProperties properties) {
        GatewayProperties.Oidc oidc = properties.oidc();
        ClientRegistration keycloak = ClientRegistration.withRegistrationId(REGISTRATION_ID)
                .clientName("Keycloak")
                .clientId(oidc.clientId())
                .clientAuthenticationMethod(ClientAuthenticationMethod.NONE)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .redirectUri("{baseUrl}/login/oauth2/code/{registrationId}")
                .scope(oidc.scopes())
                .issuerUri(oidc.issuer())
                .authorizationUri(oidc.endpoint("auth"))
                .tokenUri(oidc.endpoint("token"))
                .jwkSetUri(oidc.endpoint("certs"))
                .userInfoUri(oidc.endpoint("userinfo"))
                .userNameAttributeName(USER_NAME_ATTRIBUTE)
                .providerConfigurationMetadata(Map.of("end_session_endpoint", oidc.endpoint("logout")))
                .build();
        return new InMemoryReactiveClientRegistrationRepository(keycloak);
    }

    /** The session's tokens live in the session itself, so they go when the session goes. */
    @Bean
    ServerOAuth2AuthorizedClientRepository authorizedClients() {
        return new WebSessionServerOAuth2AuthorizedClientRepository();
    }

    /** Used by {@code TokenRelay}: hands out the session's access token, refreshing it when it has expired. */
    @Bean
    ReactiveOAuth2AuthorizedClientManager authorizedClientManager(
            ReactiveClientRegistrationRepository registrations, ServerOAuth2AuthorizedClientRepository clients) {
        DefaultReactiveOAuth2AuthorizedClientManager manager =
                new DefaultReactiveOAuth2AuthorizedClientManager(registrations, clients);
        manager.setAuthorizedClientProvider(ReactiveOAuth2AuthorizedClientProviderBuilder.builder()
                .authorizationCode()
                .refreshToken()
                .build());
        return manager;
    }

    @Bean
    ReactiveOAuth2UserService<OidcUserRequest, OidcUser> oidcUserService() {
        return new KeycloakRoles(USER_NAME_ATTRIBUTE);
    }

    /** Closed unless origins are configured ({@code egov.gateway.cors.allowed-origins}). */
    @Bean
    CorsConfigurationSource corsConfigurationSource(GatewayProperties properties) {
        List<String> origins = properties.cors().allowedOrigins();
        CorsConfiguration cors = new CorsConfiguration();
        cors.setAllowedOrigins(origins);
        cors.setAllowedMethods(List.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE"));
        cors.setAllowedHeaders(List.of(
                HttpHeaders.AUTHORIZATION,
                HttpHeaders.CONTENT_TYPE,
                HttpHeaders.ACCEPT,
                HttpHeaders.ACCEPT_LANGUAGE,
                "X-Request-Id",
                "X-XSRF-TOKEN",
                "traceparent"));
        cors.setExposedHeaders(
                List.of("X-Request-Id", HttpHeaders.RETRY_AFTER, "X-RateLimit-Limit", "X-RateLimit-Remaining"));
        cors.setAllowCredentials(!origins.isEmpty());
        cors.setMaxAge(3600L);
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        source.registerCorsConfiguration("/**", cors);
        return source;
    }
}
