package vn.egov.platform.testing;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;

/** Points an {@link EgovIntegrationTest} at a fresh database and the shared Kafka broker. */
public class EgovTestInfrastructureCustomizerFactory implements ContextCustomizerFactory {

    static final String PROPERTY_SOURCE = "egovTestInfrastructure";

    @Override
    public ContextCustomizer createContextCustomizer(
            Class<?> testClass, List<ContextConfigurationAttributes> configAttributes) {
        return new Customizer(testClass);
    }

    /** One per test class: classes never share a context, hence never a database. */
    static final class Customizer implements ContextCustomizer {

        private final Class<?> testClass;

        Customizer(Class<?> testClass) {
            this.testClass = testClass;
        }

        @Override
        public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration config) {
            TestDatabase database = TestInfrastructure.newDatabase();
            Map<String, Object> properties = Map.of(
                    "spring.datasource.url", database.jdbcUrl(),
                    "spring.datasource.username", database.username(),
                    "spring.datasource.password", database.password(),
                    "spring.kafka.bootstrap-servers", TestInfrastructure.kafkaBootstrapServers(),
                    "egov.test.id", database.name().substring(database.name().lastIndexOf('_') + 1),
                    "egov.test.database", database.name());
            MutablePropertySources sources = context.getEnvironment().getPropertySources();
            var source = new MapPropertySource(PROPERTY_SOURCE, properties);
            // the test's own inlined and dynamic properties still win
            if (sources.contains("Dynamic Test Properties")) {
                sources.addAfter("Dynamic Test Properties", source);
            } else if (sources.contains("Inlined Test Properties")) {
                sources.addAfter("Inlined Test Properties", source);
            } else {
                sources.addFirst(source);
            }
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Customizer c && c.testClass.equals(testClass);
        }

        @Override
        public int hashCode() {
            return Objects.hash(testClass);
        }
    }
}
