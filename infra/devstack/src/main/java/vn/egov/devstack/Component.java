package vn.egov.devstack;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** One process of the stack: how to start it, how to tell it serves, what belongs to it. */
abstract class Component {

    final String name;
    final StackConfig config;

    Component(String name, StackConfig config) {
        this.name = name;
        this.config = config;
    }

    /** The port it serves on (shown by {@code status}). */
    abstract int port();

    /** Every port it binds: all must be free before it starts. */
    List<Integer> ports() {
        return List.of(port());
    }

    /** Components that must be ready before this one starts. */
    List<String> dependsOn() {
        return List.of();
    }

    /** Components this one starts after, whether they became ready or not (the gateway after the services). */
    List<String> startsAfter() {
        return List.of();
    }

    /** Why this component is not started by the launcher (external infrastructure, jar not built), or empty. */
    Optional<String> skipReason() {
        return Optional.empty();
    }

    /** Whether a skip means "provided elsewhere" (dependents may start) rather than "missing". */
    boolean external() {
        return false;
    }

    /** One-time preparation before the first start (copying, building); runs on this component's thread. */
    void prepare(Progress progress) throws Exception {}

    abstract List<String> command();

    /** Variables added to the launcher's environment for this process. */
    Map<String, String> environment() {
        return Map.of();
    }

    Path workingDirectory() {
        return config.home();
    }

    /** A quick probe (a few seconds at most): true when the component serves. */
    abstract boolean healthy();

    /** What {@link #healthy()} checks, for messages. */
    abstract String healthDescription();

    abstract Duration defaultStartTimeout();

    Duration startTimeout() {
        return config.timeouts().getOrDefault(name, defaultStartTimeout());
    }

    Duration stopTimeout() {
        return Duration.ofSeconds(30);
    }

    /**
     * The process to record and stop once {@code started} runs. Keycloak's {@code kc.sh} forks java: that child
     * is the process.
     */
    ProcessHandle mainProcess(ProcessHandle started) throws InterruptedException {
        return started;
    }

    /** Processes that belong to the component but are not descendants of its process (PostgreSQL's postmaster). */
    List<ProcessHandle> detachedProcesses() {
        return List.of();
    }

    /**
     * Cleans up what a killed predecessor left behind (an orphan postmaster). Runs before a start and after a stop.
     * Returns a message when something was cleaned.
     */
    Optional<String> cleanUpOrphans() {
        return Optional.empty();
    }

    /** Called after {@code down} stopped the process; {@code killed} when it needed SIGKILL. */
    void stopped(boolean killed) {}

    /** A short URL for the summary, or empty. */
    String url() {
        return "localhost:" + port();
    }

    Path log() {
        return config.log(name);
    }

    Path pidFile() {
        return config.pidFile(name);
    }

    /** A java command on the launcher's JDK running one of the launcher's own main classes. */
    List<String> holderJvm(List<String> jvmOptions, Class<?> mainClass, List<String> args) {
        List<String> command = new java.util.ArrayList<>();
        command.add(config.java().toString());
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(holderClasspath(config));
        command.add(mainClass.getName());
        command.addAll(args);
        return command;
    }

    private static final Object COPY_LOCK = new Object();

    /**
     * The launcher's jar as the holder JVMs see it: a copy under {@code .egov/apps}, replaced atomically, so that
     * rebuilding the launcher does not change the jar under a running holder (its classes load lazily: GreenMail
     * failed with {@code NoClassDefFoundError} after a rebuild). A class path of directories is used as it is.
     */
    static String holderClasspath(StackConfig config) {
        Path jar = Path.of(config.classpath());
        if (config.classpath().contains(java.io.File.pathSeparator)
                || !config.classpath().endsWith(".jar")
                || !java.nio.file.Files.isRegularFile(jar)) {
            return config.classpath();
        }
        Path copy = config.home().resolve("apps").resolve("devstack.jar");
        synchronized (COPY_LOCK) {
            try {
                if (!java.nio.file.Files.exists(copy) || java.nio.file.Files.mismatch(jar, copy) != -1) {
                    java.nio.file.Files.createDirectories(copy.getParent());
                    Path tmp = copy.resolveSibling("devstack.jar.copying");
                    java.nio.file.Files.copy(jar, tmp, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                    java.nio.file.Files.move(
                            tmp,
                            copy,
                            java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                            java.nio.file.StandardCopyOption.ATOMIC_MOVE);
                }
                return copy.toString();
            } catch (java.io.IOException e) {
                return config.classpath();
            }
        }
    }

    @Override
    public String toString() {
        return name;
    }
}
