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
        command.add(config.classpath());
        command.add(mainClass.getName());
        command.addAll(args);
        return command;
    }

    @Override
    public String toString() {
        return name;
    }
}
