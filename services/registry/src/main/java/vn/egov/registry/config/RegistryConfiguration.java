package vn.egov.registry.config;

import java.time.Clock;
import java.time.ZoneId;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import vn.egov.platform.security.Caller;
import vn.egov.registry.crypto.FieldCipher;
import vn.egov.registry.pid.BirthRegistrationProvinces;

@Configuration(proxyBeanMethods = false)
class RegistryConfiguration {

    static {
        // the caller is resolved from the token, not a request parameter: keep it out of the OpenAPI document
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(Caller.class);
    }

    @Bean
    Clock clock() {
        return Clock.system(ZoneId.of("Asia/Ho_Chi_Minh"));
    }

    @Bean
    BirthRegistrationProvinces birthRegistrationProvinces() {
        return BirthRegistrationProvinces.load();
    }

    /** The key-encryption keyset comes from {@code egov.registry.crypto.keyset} (env EGOV_REGISTRY_KEYSET). */
    @Bean
    FieldCipher fieldCipher(@Value("${egov.registry.crypto.keyset}") String keyset) {
        return new FieldCipher(keyset);
    }
}
