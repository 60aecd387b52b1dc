package vn.egov.interchange.config;

import java.time.Clock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.egov.interchange.edxml.Edxml;
import vn.egov.interchange.edxml.EdxmlLimits;
import vn.egov.interchange.messagelog.TimestampAuthorityStore;
import vn.egov.interchange.messagelog.Timestamper;
import vn.egov.interchange.pki.DevelopmentCa;
import vn.egov.interchange.pki.DevelopmentCaStore;
import vn.egov.interchange.signature.XmlSignatures;

/** Beans of the interchange: clock, edXML codec with its limits, XML-DSig, the development CA when enabled. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(InterchangeProperties.class)
class InterchangeConfiguration {

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    Edxml edxml(InterchangeProperties properties) {
        var l = properties.limits();
        return new Edxml(new EdxmlLimits(
                l.packageMaxSize().toBytes(), l.attachmentMaxSize().toBytes(), l.maxAttachments()));
    }

    @Bean
    XmlSignatures xmlSignatures() {
        return new XmlSignatures();
    }

    /** RFC 3161 time-stamps for message-log checkpoints (the axis's own TSA until the platform offers one). */
    @Bean
    Timestamper timestamper(
            JdbcTemplate jdbc, Clock clock, org.springframework.beans.factory.ObjectProvider<DevelopmentCaStore> ca) {
        return new TimestampAuthorityStore(jdbc, clock, () -> {
                    DevelopmentCaStore store = ca.getIfAvailable();
                    return store != null ? store.ca() : DevelopmentCa.generate(clock);
                })
                .load();
    }

    @Bean
    @ConditionalOnProperty(name = "egov.interchange.development-ca.enabled", havingValue = "true")
    DevelopmentCaStore developmentCaStore(JdbcTemplate jdbc, Clock clock) {
        return new DevelopmentCaStore(jdbc, clock);
    }
}
