package vn.egov.portal.payment;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

/**
 * Chooses the payment provider: the real one over HTTP when {@code egov.portal.payment.provider.base-url} is set,
 * otherwise the embedded SANDBOX (which must then be enabled).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PaymentProperties.class)
class PaymentConfiguration {

    @Bean
    PayGovProtocol payGovProtocol(PaymentProperties properties) {
        return new PayGovProtocol(properties.provider().secret());
    }

    @Bean
    @Primary
    PaymentProvider paymentProvider(PaymentProperties properties, ObjectProvider<EmbeddedPaymentProvider> sandbox) {
        if (!properties.provider().sandbox()) {
            return new HttpPaymentProvider(properties.provider());
        }
        EmbeddedPaymentProvider embedded = sandbox.getIfAvailable();
        if (embedded == null) {
            throw new IllegalStateException("no payment provider: set egov.portal.payment.provider.base-url or "
                    + "enable the sandbox (egov.portal.payment.sandbox.enabled)");
        }
        return embedded;
    }
}
