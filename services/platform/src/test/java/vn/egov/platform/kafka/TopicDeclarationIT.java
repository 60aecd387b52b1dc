package vn.egov.platform.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.TopicDescription;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import vn.egov.platform.events.DemoIntegrationTest;
import vn.egov.platform.testing.TestInfrastructure;

/** {@code egov.kafka.*} declares the service's topics and a dead-letter topic per consumed topic and group. */
@DemoIntegrationTest
class TopicDeclarationIT {

    static final String SUFFIX = UUID.randomUUID().toString().substring(0, 8);
    static final String OWN = "decl.dossier.v1." + SUFFIX;
    static final String FOREIGN = "decl.document.v1." + SUFFIX;

    @DynamicPropertySource
    static void topics(DynamicPropertyRegistry registry) {
        registry.add("egov.kafka.topics.[" + OWN + "]", () -> 4);
        registry.add("egov.kafka.consumers.reporting", () -> OWN + "," + FOREIGN);
    }

    @Test
    void ownTopicsAndDeadLetterTopicsExistAfterStartup() throws Exception {
        try (Admin admin = Admin.create(
                Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.kafkaBootstrapServers()))) {
            Map<String, TopicDescription> topics = admin.describeTopics(
                            List.of(OWN, OWN + ".reporting.dlt", FOREIGN + ".reporting.dlt"))
                    .allTopicNames()
                    .get(10, TimeUnit.SECONDS);
            assertThat(topics.get(OWN).partitions()).hasSize(4);
            assertThat(topics.get(OWN + ".reporting.dlt").partitions()).hasSize(1);
            assertThat(topics.get(FOREIGN + ".reporting.dlt").partitions()).hasSize(1);
            assertThat(admin.listTopics().names().get(10, TimeUnit.SECONDS)).doesNotContain(FOREIGN);
        }
    }
}
