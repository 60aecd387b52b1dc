package vn.egov.platform.security;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.convert.converter.Converter;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import vn.egov.platform.web.ProblemWriter;

/**
 * Resource-server defaults for every service: stateless, bearer tokens only, deny by default, Keycloak realm
 * roles as {@code ROLE_<role>} and scopes as {@code SCOPE_<scope>}, 401/403 as {@code problem+json}.
 */
@AutoConfiguration(
        beforeName = {
            "org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration",
            "org.springframework.boot.security.oauth2.server.resource.autoconfigure.servlet.OAuth2ResourceServerAutoConfiguration"
        })
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableMethodSecurity
@EnableConfigurationProperties(EgovSecurityProperties.class)
public class EgovSecurityAutoConfiguration {

    static final String[] ALWAYS_OPEN = {
        "/actuator/health", "/actuator/health/**", "/actuator/info", "/actuator/prometheus", "/v3/api-docs", "/error"
    };

    @Bean
    @ConditionalOnMissingBean(SecurityFilterChain.class)
    SecurityFilterChain egovSecurityFilterChain(
            HttpSecurity http,
            EgovSecurityProperties properties,
            ProblemWriter problems,
            @Value("${egov.api-prefix:/api}") String apiPrefix)
            throws Exception {
        var entryPoint = new ProblemAuthenticationEntryPoint(problems);
        var deniedHandler = new ProblemAccessDeniedHandler(problems);
        String[] roles = EgovRoles.ALL.toArray(String[]::new);
        http.sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable()) // bearer tokens only, no cookies
                .httpBasic(b -> b.disable())
                .formLogin(f -> f.disable())
                .requestCache(c -> c.disable())
                .authorizeHttpRequests(auth -> {
                    auth.requestMatchers(ALWAYS_OPEN).permitAll();
                    auth.requestMatchers(HttpMethod.OPTIONS, "/**").denyAll();
                    if (!properties.publicPaths().isEmpty()) {
                        auth.requestMatchers(properties.publicPaths().toArray(String[]::new))
                                .permitAll();
                    }
                    if (!properties.authenticatedPaths().isEmpty()) {
                        auth.requestMatchers(properties.authenticatedPaths().toArray(String[]::new))
                                .authenticated();
                    }
                    auth.requestMatchers("/admin/**").hasRole(EgovRoles.PLATFORM_ADMIN);
                    auth.requestMatchers(apiPrefix + "/**").hasAnyRole(roles);
                    auth.anyRequest().denyAll();
                })
                .oauth2ResourceServer(rs -> rs.jwt(jwt -> jwt.jwtAuthenticationConverter(jwtAuthenticationConverter()))
                        .authenticationEntryPoint(entryPoint)
                        .accessDeniedHandler(deniedHandler))
                .exceptionHandling(e -> e.authenticationEntryPoint(entryPoint).accessDeniedHandler(deniedHandler))
                .headers(Customizer.withDefaults());
        return http.build();
    }

    /** Realm roles → {@code ROLE_x}; scopes → {@code SCOPE_x}; the principal name is the subject. */
    public static JwtAuthenticationConverter jwtAuthenticationConverter() {
        JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
        converter.setJwtGrantedAuthoritiesConverter(authorities());
        return converter;
    }

    /** The authorities a token grants: {@code ROLE_<realm role>} and {@code SCOPE_<scope>}. */
    public static Converter<Jwt, Collection<GrantedAuthority>> authorities() {
        return new EgovAuthorities();
    }

    static final class EgovAuthorities implements Converter<Jwt, Collection<GrantedAuthority>> {
        @Override
        public Collection<GrantedAuthority> convert(Jwt jwt) {
            List<GrantedAuthority> authorities = new ArrayList<>();
            Caller.realmRoles(jwt).forEach(role -> authorities.add(new SimpleGrantedAuthority("ROLE_" + role)));
            Caller.scopes(jwt).forEach(scope -> authorities.add(new SimpleGrantedAuthority("SCOPE_" + scope)));
            return authorities;
        }
    }

    @Bean
    WebMvcConfigurer egovCallerArgument() {
        // resolved from the token, not sent by the client: no "caller" parameter in the OpenAPI documents
        org.springdoc.core.utils.SpringDocUtils.getConfig().addRequestWrapperToIgnore(Caller.class);
        return new WebMvcConfigurer() {
            @Override
            public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
                resolvers.add(new CallerArgumentResolver());
            }
        };
    }

    @Bean
    CallerController egovCallerController() {
        return new CallerController();
    }
}
