package vn.egov.devstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Embedded PostgreSQL in its holder JVM ({@link PostgresMain}); absent when {@code EGOV_DB_URL} is set. */
final class PostgresComponent extends Component {

    PostgresComponent(StackConfig config) {
        super("postgres", config);
    }

    @Override
    int port() {
        return config.port("postgres");
    }

    Path dataDirectory() {
        return config.data().resolve("postgres");
    }

    @Override
    Optional<String> skipReason() {
        return config.env("EGOV_DB_URL").map(url -> "external: EGOV_DB_URL=" + url);
    }

    @Override
    boolean external() {
        return true;
    }

    @Override
    List<String> command() {
        return holderJvm(
                List.of("-Xms16m", "-Xmx192m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1"),
                PostgresMain.class,
                List.of(
                        "--port", Integer.toString(port()),
                        "--data", dataDirectory().toString(),
                        "--work", config.home().resolve("postgres-bin").toString(),
                        "--databases", String.join(",", Databases.NAMES)));
    }

    @Override
    boolean healthy() {
        return Health.postgres(port(), Databases.NAMES);
    }

    @Override
    String healthDescription() {
        return "JDBC on :" + port() + " with databases " + String.join(", ", Databases.NAMES);
    }

    @Override
    Duration defaultStartTimeout() {
        return Duration.ofSeconds(120);
    }

    /** The postmaster named in {@code postmaster.pid}, when it is a live PostgreSQL serving our data directory. */
    Optional<ProcessHandle> postmaster() {
        Path pidFile = dataDirectory().resolve("postmaster.pid");
        try {
            List<String> lines = Files.readAllLines(pidFile);
            if (lines.isEmpty()) {
                return Optional.empty();
            }
            long pid = Long.parseLong(lines.get(0).trim());
            String commandLine = Processes.commandLine(pid);
            if (commandLine.contains("postgres")
                    && commandLine.contains(dataDirectory().toString())) {
                return ProcessHandle.of(pid).filter(Processes::running);
            }
            return Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    @Override
    List<ProcessHandle> detachedProcesses() {
        List<ProcessHandle> processes = new ArrayList<>();
        postmaster().ifPresent(postmaster -> {
            processes.add(postmaster);
            postmaster.descendants().forEach(processes::add);
        });
        return processes;
    }

    /**
     * A holder killed with SIGKILL leaves its postmaster running (pg_ctl daemonizes it): stop it with a fast
     * shutdown (SIGINT), then SIGQUIT, then SIGKILL.
     */
    @Override
    Optional<String> cleanUpOrphans() {
        Optional<ProcessHandle> orphan = postmaster();
        if (orphan.isEmpty()) {
            return Optional.empty();
        }
        ProcessHandle postmaster = orphan.get();
        Processes.signal(postmaster.pid(), "INT");
        try {
            if (!Processes.awaitGone(List.of(postmaster), Duration.ofSeconds(20))) {
                Processes.signal(postmaster.pid(), "QUIT");
                if (!Processes.awaitGone(List.of(postmaster), Duration.ofSeconds(5))) {
                    postmaster.destroyForcibly();
                    Processes.awaitGone(List.of(postmaster), Duration.ofSeconds(5));
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return Optional.of("stopped orphan postmaster (pid " + postmaster.pid() + ")");
    }
}
