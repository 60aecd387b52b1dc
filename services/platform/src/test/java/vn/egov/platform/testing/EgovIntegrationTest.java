package vn.egov.platform.testing;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.annotation.AliasFor;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ContextCustomizerFactories;

/**
 * An integration test ({@code *IT}) against real PostgreSQL and real Kafka: a {@code @SpringBootTest} whose
 * {@code spring.datasource.*} points at a fresh database of its own (created for the test class, so classes
 * may run in parallel) and whose {@code spring.kafka.bootstrap-servers} points at a shared broker. Both come
 * from Testcontainers when Docker is available, otherwise from an embedded PostgreSQL and an in-JVM KRaft
 * broker, each started once per JVM on first use. The context is closed after the class.
 *
 * <p>The property {@code egov.test.id} holds a short id unique to the test class: use it in topic and
 * consumer-group names ({@code portal.dossier.v1.${egov.test.id}}) so classes do not see each other's records.
 *
 * <pre>{@code
 * @EgovIntegrationTest(properties = "portal.topics.dossier=portal.dossier.v1.${egov.test.id}")
 * class SubmitDossierIT { ... }
 * }</pre>
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@SpringBootTest
@ContextCustomizerFactories(EgovTestInfrastructureCustomizerFactory.class)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
public @interface EgovIntegrationTest {

    /** The application's configuration classes (default: the nearest {@code @SpringBootConfiguration}). */
    @AliasFor(annotation = SpringBootTest.class, attribute = "classes")
    Class<?>[] classes() default {};

    /** Extra properties, {@code key=value}. */
    @AliasFor(annotation = SpringBootTest.class, attribute = "properties")
    String[] properties() default {};

    @AliasFor(annotation = SpringBootTest.class, attribute = "webEnvironment")
    SpringBootTest.WebEnvironment webEnvironment() default SpringBootTest.WebEnvironment.MOCK;
}
