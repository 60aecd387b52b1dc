package vn.egov.platform.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.ds.PGSimpleDataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;
import vn.egov.platform.inbox.Inbox;
import vn.egov.platform.kafka.CloudEventKafkaClients;

/**
 * While events flow, the broker is killed and started again, then the database is stopped and started again:
 * every event whose transaction committed reaches Kafka, none that did not, the relay resumes by itself, and a
 * consumer going through the inbox applies each event exactly once.
 */
class RelayRestartIT {

    static final String TOPIC = "restart.thing.v1";

    @TempDir
    Path dir;

    EmbeddedPostgres postgres;
    RestartableBroker broker;
    OutboxRelay relay;

    @AfterEach
    void stop() throws Exception {
        if (relay != null) {
            relay.stop();
        }
        if (broker != null) {
            broker.close();
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    void nothingLostNothingDuplicatedAcrossABrokerAndADatabaseRestart() throws Exception {
        int pgPort = freePort();
        postgres = startPostgres(pgPort);
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setUrl("jdbc:postgresql://localhost:" + pgPort + "/postgres");
        dataSource.setUser("postgres");
        dataSource.setConnectTimeout(2);
        Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/platform")
                .load()
                .migrate();
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        jdbc.execute("create table effect (n bigserial primary key, event_id text not null)");
        TransactionTemplate tx = new TransactionTemplate(new DataSourceTransactionManager(dataSource));

        broker = new RestartableBroker(freePort(), freePort(), dir);
        broker.start();
        createTopic(broker.bootstrap());

        CloudEventKafkaClients kafka = new CloudEventKafkaClients(producerConfig(broker.bootstrap()), Map.of(), false);
        OutboxProperties properties = new OutboxProperties(
                true,
                Duration.ofMillis(50),
                true,
                200,
                Duration.ofSeconds(10),
                Duration.ofMillis(200),
                Duration.ofSeconds(2),
                Duration.ofDays(7),
                Duration.ofMinutes(10));
        relay = new OutboxRelay(
                "restart",
                jdbc,
                tx,
                kafka.template(),
                properties,
                TraceContext.none(),
                List.of(),
                new SimpleMeterRegistry());
        relay.start();
        Outbox outbox = new Outbox(
                jdbc, JsonMapper.shared(), "restart-test", Clock.systemUTC(), TraceContext.none(), relay::wakeUp);

        Set<String> committed = ConcurrentHashMap.newKeySet();
        Thread writer = Thread.ofPlatform().start(() -> {
            for (int i = 0; i < 400; i++) {
                int n = i;
                try {
                    String id = tx.execute(status -> outbox.append(
                                    TOPIC, "vn.egov.restart.thing.created.v1", "thing-" + n, Map.of("n", n))
                            .toString());
                    committed.add(id);
                } catch (RuntimeException refused) {
                    // the database is down: this change was not accepted, and its event must not appear
                }
                try {
                    Thread.sleep(15);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });

        await().atMost(Duration.ofSeconds(30)).until(() -> committed.size() >= 60);
        broker.kill();
        await().atMost(Duration.ofSeconds(30)).until(() -> committed.size() >= 140); // events pile up meanwhile
        broker.start();
        await().atMost(Duration.ofSeconds(60)).until(() -> committed.size() >= 220);
        postgres.close();
        postgres = startPostgres(pgPort);
        writer.join(Duration.ofMinutes(2));

        await().atMost(Duration.ofSeconds(120))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> relay.backlog() == 0);

        Map<String, Integer> published = readAll(broker.bootstrap());
        assertThat(published.keySet())
                .as("every committed event, and only those")
                .isEqualTo(committed);
        assertThat(committed.size()).isGreaterThanOrEqualTo(220);

        Inbox inbox = new Inbox(jdbc);
        for (Map.Entry<String, Integer> event : published.entrySet()) {
            for (int copy = 0; copy < event.getValue(); copy++) {
                tx.executeWithoutResult(status -> inbox.receive(
                        "restart-consumer",
                        event.getKey(),
                        () -> jdbc.update("insert into effect (event_id) values (?)", event.getKey())));
            }
        }
        assertThat(jdbc.queryForObject("select count(*) from effect", Long.class))
                .isEqualTo(committed.size());
        assertThat(jdbc.queryForObject("select count(distinct event_id) from effect", Long.class))
                .isEqualTo(committed.size());
    }

    private EmbeddedPostgres startPostgres(int port) throws IOException {
        return EmbeddedPostgres.builder()
                .setPort(port)
                .setDataDirectory(dir.resolve("pg"))
                .setCleanDataDirectory(false)
                .setServerConfig("fsync", "on")
                .setServerConfig("synchronous_commit", "on")
                .start();
    }

    private static Map<String, Object> producerConfig(String bootstrap) {
        Map<String, Object> config = new HashMap<>();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 3000);
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 8000);
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 5000);
        config.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        return config;
    }

    private static void createTopic(String bootstrap) {
        await().atMost(Duration.ofSeconds(60)).ignoreExceptions().untilAsserted(() -> {
            try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
                admin.createTopics(List.of(new NewTopic(TOPIC, 3, (short) 1)))
                        .all()
                        .get();
            }
        });
    }

    /** Every event id in the topic, with how many copies Kafka holds. */
    private static Map<String, Integer> readAll(String bootstrap) {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "restart-reader");
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        Map<String, Integer> ids = new HashMap<>();
        try (KafkaConsumer<String, byte[]> consumer =
                new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(TOPIC));
            long quietSince = System.nanoTime();
            while (System.nanoTime() - quietSince < Duration.ofSeconds(5).toNanos()) {
                var records = consumer.poll(Duration.ofMillis(500));
                for (ConsumerRecord<String, byte[]> record : records) {
                    var header = record.headers().lastHeader("ce_id");
                    ids.merge(new String(header.value(), StandardCharsets.UTF_8), 1, Integer::sum);
                    quietSince = System.nanoTime();
                }
            }
        }
        return ids;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
