package vn.egov.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real PostgreSQL holder and the real Kafka broker, started by the launcher's own code as detached processes on
 * free ports in a temporary {@code .egov}: they serve, a second {@code up} changes nothing, a killed holder's orphan
 * postmaster is cleaned up, and {@code down} leaves no process behind.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PostgresAndKafkaTest {

    @TempDir
    static Path dir;

    static StackConfig config;
    static Stack stack;
    static final ByteArrayOutputStream output = new ByteArrayOutputStream();
    static final List<ProcessHandle> seen = new ArrayList<>();

    @BeforeAll
    static void start() {
        config = TestStacks.config(dir, Map.of());
        stack = new Stack(config, new Progress(new PrintStream(output, true, StandardCharsets.UTF_8)));
    }

    @AfterAll
    static void stopWhatever() {
        stack.down(List.of());
    }

    private PostgresComponent postgres() {
        return (PostgresComponent) stack.component("postgres");
    }

    private ProcessHandle recorded(String component) {
        return PidFile.read(config.pidFile(component))
                .flatMap(PidFile::process)
                .orElseThrow(() -> new AssertionError(component + " has no live recorded process\n" + output));
    }

    @Test
    @Order(1)
    void upStartsPostgresAndKafkaThatServe() throws Exception {
        Stack.UpReport report = stack.up(List.of("kafka"));

        assertThat(report.ok()).as(output::toString).isTrue();
        assertThat(report.results())
                .extracting(result -> result.component().name, Stack.Result::outcome)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("postgres", Stack.Outcome.STARTED),
                        org.assertj.core.groups.Tuple.tuple("kafka", Stack.Outcome.STARTED));
        seen.add(recorded("postgres"));
        seen.add(recorded("kafka"));
        seen.add(postgres().postmaster().orElseThrow());

        for (String database : Databases.NAMES) {
            String url = "jdbc:postgresql://localhost:" + config.port("postgres") + "/" + database;
            try (Connection connection = DriverManager.getConnection(url, database, database);
                    Statement statement = connection.createStatement();
                    ResultSet rs = statement.executeQuery("select 1, current_user, pg_get_userbyid(datdba),"
                            + " current_setting('fsync'), current_setting('synchronous_commit')"
                            + " from pg_database where datname = current_database()")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getInt(1)).isEqualTo(1);
                assertThat(rs.getString(2)).isEqualTo(database);
                assertThat(rs.getString(3)).as("owner of " + database).isEqualTo(database);
                assertThat(rs.getString(4)).isEqualTo("on");
                assertThat(rs.getString(5)).isEqualTo("on");
            }
        }

        try (Admin admin = admin()) {
            assertThat(admin.describeCluster().nodes().get(10, TimeUnit.SECONDS))
                    .hasSize(1);
            admin.createTopics(List.of(new NewTopic("devstack.test.v1", 3, (short) 1)))
                    .all()
                    .get(10, TimeUnit.SECONDS);
            assertThat(admin.describeTopics(List.of("devstack.test.v1"))
                            .allTopicNames()
                            .get(10, TimeUnit.SECONDS)
                            .get("devstack.test.v1")
                            .partitions())
                    .hasSize(3);
        }
        try (KafkaProducer<String, String> producer = producer()) {
            // idempotent producer with acks=all against the single node, as the services' outbox relays use it
            assertThat(producer.send(new ProducerRecord<>("devstack.test.v1", "k", "v"))
                            .get(10, TimeUnit.SECONDS)
                            .offset())
                    .isZero();
        }
        assertThat(Files.readString(config.home().resolve("conf/kafka-server.properties")))
                .contains("auto.create.topics.enable=false");
    }

    @Test
    @Order(2)
    void aSecondUpLeavesTheRunningProcessesAlone() {
        long postgresPid = recorded("postgres").pid();
        long kafkaPid = recorded("kafka").pid();

        Stack.UpReport report = stack.up(List.of("kafka"));

        assertThat(report.ok()).as(output::toString).isTrue();
        assertThat(report.results()).extracting(Stack.Result::outcome).containsOnly(Stack.Outcome.ALREADY_RUNNING);
        assertThat(recorded("postgres").pid()).isEqualTo(postgresPid);
        assertThat(recorded("kafka").pid()).isEqualTo(kafkaPid);
    }

    @Test
    @Order(3)
    void aKilledHolderLeavesAnOrphanPostmasterThatTheNextUpStops() throws Exception {
        ProcessHandle holder = recorded("postgres");
        ProcessHandle orphan = postgres().postmaster().orElseThrow();
        holder.destroyForcibly();
        assertThat(holder.onExit().get(10, TimeUnit.SECONDS).isAlive()).isFalse();
        assertThat(orphan.isAlive())
                .as("pg_ctl daemonized the postmaster: it survives its holder")
                .isTrue();

        Stack.UpReport report = stack.up(List.of("postgres"));

        assertThat(report.ok()).as(output::toString).isTrue();
        assertThat(report.result("postgres").orElseThrow().outcome()).isEqualTo(Stack.Outcome.STARTED);
        assertThat(Processes.running(orphan)).isFalse();
        assertThat(output.toString()).contains("stopped orphan postmaster (pid " + orphan.pid() + ")");
        ProcessHandle newPostmaster = postgres().postmaster().orElseThrow();
        assertThat(newPostmaster.pid()).isNotEqualTo(orphan.pid());
        seen.add(recorded("postgres"));
        seen.add(newPostmaster);
        // the data survived: the databases created by the first holder are still there
        assertThat(Health.postgres(config.port("postgres"), Databases.NAMES)).isTrue();
    }

    @Test
    @Order(4)
    void downLeavesNothingBehind() {
        List<ProcessHandle> running = new ArrayList<>(seen);
        running.addAll(postgres().detachedProcesses());

        stack.down(List.of());

        assertThat(running).allSatisfy(process -> assertThat(Processes.running(process))
                .as("pid %d (%s)", process.pid(), Processes.commandLine(process.pid()))
                .isFalse());
        assertThat(postgres().postmaster()).isEmpty();
        assertThat(config.pidFile("postgres")).doesNotExist();
        assertThat(config.pidFile("kafka")).doesNotExist();
        assertThat(Processes.listening(config.port("postgres"))).isFalse();
        assertThat(Processes.listening(config.port("kafka"))).isFalse();
        assertThat(stack.status()).isFalse();
    }

    private static Admin admin() {
        Properties properties = new Properties();
        properties.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, "localhost:" + config.port("kafka"));
        properties.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
        properties.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 20_000);
        return Admin.create(properties);
    }

    private static KafkaProducer<String, String> producer() {
        Properties properties = new Properties();
        properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, "localhost:" + config.port("kafka"));
        properties.put(ProducerConfig.ACKS_CONFIG, "all");
        properties.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        return new KafkaProducer<>(properties, new StringSerializer(), new StringSerializer());
    }
}
