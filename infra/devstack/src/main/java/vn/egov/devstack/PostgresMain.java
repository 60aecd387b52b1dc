package vn.egov.devstack;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Stream;

/**
 * The PostgreSQL holder: runs the real PostgreSQL binaries (zonky) on a fixed port with a persistent, durable data
 * directory, creates the databases and owner roles, and stops PostgreSQL when it receives SIGTERM.
 *
 * <p>{@code PostgresMain --port 15432 --data .egov/data/postgres --work .egov/postgres-bin --databases a,b}
 */
public final class PostgresMain {

    private PostgresMain() {}

    public static void main(String[] args) throws Exception {
        Args arguments = Args.parse(args);
        int port = arguments.intValue("port");
        Path data = Path.of(arguments.value("data"));
        Path work = Path.of(arguments.value("work"));
        List<String> databases = List.of(arguments.value("databases").split(","));
        Files.createDirectories(data);
        Files.createDirectories(work);

        EmbeddedPostgres postgres;
        try {
            postgres = start(port, data, work);
        } catch (IOException | Error e) {
            // an extraction interrupted earlier leaves a partial binaries directory that zonky does not repair
            System.out.println("devstack: PostgreSQL did not start (" + e + "); extracting the binaries again");
            deleteRecursively(work);
            Files.createDirectories(work);
            postgres = start(port, data, work);
        }
        EmbeddedPostgres running = postgres;
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            System.out.println("devstack: stopping PostgreSQL");
                            try {
                                running.close();
                            } catch (IOException e) {
                                System.out.println("devstack: PostgreSQL did not stop cleanly: " + e);
                            }
                            stopped.countDown();
                        },
                        "postgres-stop"));

        try (Connection connection = DriverManager.getConnection(
                        "jdbc:postgresql://localhost:" + port + "/postgres", "postgres", "postgres");
                Statement statement = connection.createStatement()) {
            statement.execute("alter role postgres password 'postgres'");
            List<String> created = Databases.ensure(connection, databases);
            System.out.println("devstack: PostgreSQL ready on port " + port
                    + (created.isEmpty() ? ", databases present" : ", created " + String.join(", ", created)));
        }
        stopped.await();
    }

    private static EmbeddedPostgres start(int port, Path data, Path work) throws IOException {
        return EmbeddedPostgres.builder()
                .setPort(port)
                .setDataDirectory(data)
                .setCleanDataDirectory(false)
                .setOverrideWorkingDirectory(work.toFile())
                .setRegisterShutdownHook(false)
                .setPGStartupWait(Duration.ofSeconds(60))
                // zonky turns durability off for tests; the dev stack keeps what it commits
                .setServerConfig("fsync", "on")
                .setServerConfig("synchronous_commit", "on")
                .setServerConfig("full_page_writes", "on")
                .setServerConfig("listen_addresses", "localhost")
                .setServerConfig("max_connections", "300")
                .setOutputRedirector(ProcessBuilder.Redirect.INHERIT)
                .setErrorRedirector(ProcessBuilder.Redirect.INHERIT)
                .start();
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
