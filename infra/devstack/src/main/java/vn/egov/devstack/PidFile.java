package vn.egov.devstack;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Properties;

/**
 * What {@code up} started for one component: the process to stop and its start time, so that {@code down} never
 * signals a process that merely reuses the pid. Keycloak also records its {@code kc.sh} wrapper.
 *
 * @param pid the process that is the component (Keycloak: the java child of {@code kc.sh})
 * @param start its start time as the kernel reports it
 * @param wrapperPid the process that was launched when it differs from {@code pid}, otherwise 0
 * @param wrapperStart its start time, or null
 */
public record PidFile(long pid, Instant start, long wrapperPid, Instant wrapperStart) {

    /** Start times are derived from the boot time, which the kernel reports to the second and may drift. */
    private static final Duration SAME_PROCESS_TOLERANCE = Duration.ofSeconds(2);

    static PidFile of(ProcessHandle process) {
        return new PidFile(process.pid(), startOf(process), 0, null);
    }

    PidFile withWrapper(ProcessHandle wrapper) {
        return new PidFile(pid, start, wrapper.pid(), startOf(wrapper));
    }

    static Instant startOf(ProcessHandle process) {
        return process.info().startInstant().orElse(Instant.EPOCH);
    }

    /** The recorded process, when it is still alive and is the very process that was recorded. */
    Optional<ProcessHandle> process() {
        return live(pid, start);
    }

    Optional<ProcessHandle> wrapper() {
        return wrapperPid == 0 ? Optional.empty() : live(wrapperPid, wrapperStart);
    }

    private static Optional<ProcessHandle> live(long pid, Instant start) {
        return ProcessHandle.of(pid).filter(ProcessHandle::isAlive).filter(handle -> handle.info()
                .startInstant()
                .map(actual -> Duration.between(actual, start).abs().compareTo(SAME_PROCESS_TOLERANCE) <= 0)
                .orElse(false));
    }

    static Optional<PidFile> read(Path file) {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
            long pid = Long.parseLong(properties.getProperty("pid"));
            Instant start = Instant.parse(properties.getProperty("start"));
            long wrapperPid = Long.parseLong(properties.getProperty("wrapper.pid", "0"));
            String wrapperStart = properties.getProperty("wrapper.start");
            return Optional.of(
                    new PidFile(pid, start, wrapperPid, wrapperStart == null ? null : Instant.parse(wrapperStart)));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    void write(Path file) {
        Properties properties = new Properties();
        properties.setProperty("pid", Long.toString(pid));
        properties.setProperty("start", start.toString());
        if (wrapperPid != 0) {
            properties.setProperty("wrapper.pid", Long.toString(wrapperPid));
            properties.setProperty("wrapper.start", wrapperStart.toString());
        }
        try {
            Files.createDirectories(file.getParent());
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            try (Writer writer = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                properties.store(writer, "written by ./egov up; ./egov down reads it");
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
