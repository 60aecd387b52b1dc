package vn.egov.interchange.pki;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ResourceLoader;
import org.springframework.jdbc.core.JdbcTemplate;

/** Trust anchors, the certificate checks and, with the development CA, its revocation register, CRL and OCSP. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PkiProperties.class)
class PkiConfiguration {

    @Bean
    CertificateTrust certificateTrust(
            PkiProperties properties,
            ResourceLoader resources,
            Clock clock,
            ObjectProvider<DevelopmentCaStore> developmentCa,
            ObjectProvider<Revocations> revocations) {
        DevelopmentCaStore store = developmentCa.getIfAvailable();
        return new CertificateTrust(
                bundle(resources, properties.trustAnchors(), "trust-anchors"),
                bundle(resources, properties.intermediates(), "intermediates"),
                store == null ? null : store::ca,
                revocations.getIfAvailable(),
                new OnlineRevocation(properties.revocation(), clock));
    }

    @Bean
    @ConditionalOnProperty(name = "egov.interchange.development-ca.enabled", havingValue = "true")
    Revocations revocations(JdbcTemplate jdbc) {
        return new Revocations(jdbc);
    }

    @Bean
    @ConditionalOnProperty(name = "egov.interchange.development-ca.enabled", havingValue = "true")
    DevelopmentCaRevocation developmentCaRevocation(
            DevelopmentCaStore store,
            Revocations revocations,
            PkiProperties properties,
            Clock clock,
            JdbcTemplate jdbc) {
        return new DevelopmentCaRevocation(store, revocations, properties, clock, jdbc);
    }

    @Bean
    @ConditionalOnProperty(name = "egov.interchange.development-ca.enabled", havingValue = "true")
    ApplicationListener<ApplicationReadyEvent> registerEarlierDevelopmentCertificates(
            DevelopmentCaRevocation revocation) {
        return event -> revocation.registerEarlierCertificates();
    }

    static List<X509Certificate> bundle(ResourceLoader resources, String location, String name) {
        if (location == null || location.isBlank()) {
            return List.of();
        }
        try (InputStream in = resources.getResource(location).getInputStream()) {
            List<X509Certificate> certificates =
                    Pem.certificates(new String(in.readAllBytes(), StandardCharsets.US_ASCII));
            if (certificates.isEmpty()) {
                throw new IllegalStateException(
                        "egov.interchange.pki." + name + " (" + location + ") holds no certificate");
            }
            return certificates;
        } catch (IOException | IllegalArgumentException e) {
            throw new IllegalStateException("cannot read egov.interchange.pki." + name + " from " + location, e);
        }
    }
}
