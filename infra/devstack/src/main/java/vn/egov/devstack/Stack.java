package vn.egov.devstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Stream;

/** The whole local stack: starts it in dependency order gated on health, reports on it, stops what it started. */
final class Stack {

    /** What happened to one component during {@code up}. */
    enum Outcome {
        STARTED,
        ALREADY_RUNNING,
        SKIPPED,
        FAILED,
        NOT_STARTED;

        boolean ok() {
            return this == STARTED || this == ALREADY_RUNNING || this == SKIPPED;
        }
    }

    record Result(Component component, Outcome outcome, String detail) {}

    /** The outcome of {@code up}: one result per selected component, in start order. */
    record UpReport(List<Result> results, double seconds) {
        boolean ok() {
            return results.stream().allMatch(result -> result.outcome().ok());
        }

        Optional<Result> result(String name) {
            return results.stream()
                    .filter(result -> result.component().name.equals(name))
                    .findFirst();
        }
    }

    /** Stop order: the applications first, the infrastructure they use last. */
    static final List<List<String>> STOP_ORDER = List.of(
            List.of("gateway"),
            JarComponent.SERVICES,
            List.of("keycloak"),
            List.of("mail"),
            List.of("kafka"),
            List.of("postgres"));

    private final StackConfig config;
    private final Progress progress;
    private final List<Component> components;

    Stack(StackConfig config, Progress progress) {
        this.config = config;
        this.progress = progress;
        this.components = components(config);
    }

    /** Every component, in start order. */
    static List<Component> components(StackConfig config) {
        List<Component> all = new ArrayList<>();
        all.add(new PostgresComponent(config));
        all.add(new KafkaComponent(config));
        all.add(new KeycloakComponent(config));
        all.add(new MailComponent(config));
        JarComponent.SERVICES.forEach(service -> all.add(JarComponent.service(service, config)));
        all.add(JarComponent.gateway(config));
        return List.copyOf(all);
    }

    List<Component> components() {
        return components;
    }

    Component component(String name) {
        return components.stream()
                .filter(component -> component.name.equals(name))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown component '" + name + "'; known: "
                        + String.join(", ", components.stream().map(c -> c.name).toList())));
    }

    /** The named components and everything they depend on, in start order; all of them when none is named. */
    List<Component> withDependencies(Collection<String> names) {
        if (names.isEmpty()) {
            return components;
        }
        Set<String> wanted = new LinkedHashSet<>();
        List<String> queue = new ArrayList<>(names);
        while (!queue.isEmpty()) {
            String name = queue.removeLast();
            if (wanted.add(component(name).name)) {
                queue.addAll(component(name).dependsOn());
            }
        }
        return components.stream().filter(c -> wanted.contains(c.name)).toList();
    }

    // ---------------------------------------------------------------------------------------------------- up

    UpReport up(Collection<String> names) {
        List<Component> selected = withDependencies(names);
        try {
            Files.createDirectories(config.logs());
            Files.createDirectories(config.run());
            Files.createDirectories(config.data());
        } catch (IOException e) {
            throw new IllegalStateException("cannot create " + config.home(), e);
        }
        Map<String, CompletableFuture<Result>> futures = new LinkedHashMap<>();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (Component component : selected) {
                List<CompletableFuture<Result>> dependencies = component.dependsOn().stream()
                        .map(futures::get)
                        .filter(java.util.Objects::nonNull)
                        .toList();
                List<CompletableFuture<Result>> predecessors = component.startsAfter().stream()
                        .map(futures::get)
                        .filter(java.util.Objects::nonNull)
                        .toList();
                futures.put(
                        component.name,
                        CompletableFuture.supplyAsync(() -> startAfter(component, dependencies, predecessors), pool));
            }
            List<Result> results =
                    futures.values().stream().map(CompletableFuture::join).toList();
            return new UpReport(results, progress.elapsedSeconds());
        }
    }

    private Result startAfter(
            Component component,
            List<CompletableFuture<Result>> dependencies,
            List<CompletableFuture<Result>> predecessors) {
        predecessors.forEach(CompletableFuture::join);
        for (CompletableFuture<Result> dependency : dependencies) {
            Result result = dependency.join();
            if (!result.outcome().ok()) {
                String detail = result.component().name + " is not ready";
                progress.step(component.name, "not started: " + detail);
                return new Result(component, Outcome.NOT_STARTED, detail);
            }
        }
        try {
            return start(component);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return fail(component, "interrupted");
        } catch (Exception e) {
            return fail(component, e.getMessage() == null ? e.toString() : e.getMessage());
        }
    }

    private Result start(Component component) throws Exception {
        Optional<String> skip = component.skipReason();
        if (skip.isPresent()) {
            progress.step(component.name, skip.get());
            return new Result(component, Outcome.SKIPPED, skip.get());
        }
        Optional<PidFile> recorded = PidFile.read(component.pidFile());
        Optional<ProcessHandle> running = recorded.flatMap(PidFile::process);
        if (running.isPresent()) {
            if (component.healthy()) {
                progress.step(
                        component.name, "already running (pid " + running.get().pid() + ")");
                return new Result(
                        component,
                        Outcome.ALREADY_RUNNING,
                        "pid " + running.get().pid());
            }
            progress.step(component.name, "running (pid " + running.get().pid() + "), waiting until it serves");
            return awaitHealthy(component, running.get(), Instant.now());
        }
        if (recorded.isPresent()) {
            recorded.get().wrapper().ifPresent(wrapper -> Processes.stop(wrapper, Duration.ofSeconds(10)));
            Files.deleteIfExists(component.pidFile());
        }
        component.cleanUpOrphans().ifPresent(message -> progress.step(component.name, message));
        for (int port : component.ports()) {
            if (Processes.listening(port)) {
                return fail(component, "port " + port + " is already in use by a process ./egov did not start");
            }
        }
        component.prepare(progress);
        rotate(component.log());
        Map<String, String> env = new HashMap<>(config.env());
        env.putAll(component.environment());
        Instant started = Instant.now();
        Process process =
                Processes.startDetached(component.command(), env, component.workingDirectory(), component.log());
        PidFile.of(process.toHandle()).write(component.pidFile());
        ProcessHandle main = component.mainProcess(process.toHandle());
        if (main.pid() != process.pid()) {
            PidFile.of(main).withWrapper(process.toHandle()).write(component.pidFile());
        }
        progress.step(
                component.name, "starting (pid " + main.pid() + "), waiting for " + component.healthDescription());
        return awaitHealthy(component, main, started);
    }

    private Result awaitHealthy(Component component, ProcessHandle process, Instant started)
            throws InterruptedException {
        Instant deadline = Instant.now().plus(component.startTimeout());
        while (Instant.now().isBefore(deadline)) {
            if (component.healthy()) {
                double seconds = Duration.between(started, Instant.now()).toMillis() / 1000.0;
                progress.step(
                        component.name, String.format(Locale.ROOT, "ready in %.1f s (%s)", seconds, component.url()));
                return new Result(component, Outcome.STARTED, "pid " + process.pid());
            }
            if (!process.isAlive()) {
                return fail(component, "process " + process.pid() + " exited before it served");
            }
            Thread.sleep(500);
        }
        return fail(
                component,
                "not ready after " + component.startTimeout().toSeconds() + " s (" + component.healthDescription()
                        + "); it is left running for inspection, ./egov down stops it");
    }

    private Result fail(Component component, String reason) {
        StringBuilder text = new StringBuilder();
        text.append(String.format(
                Locale.ROOT, "[%6.1fs] %-12s FAILED: %s%n", progress.elapsedSeconds(), component.name, reason));
        List<String> tail = Processes.tail(component.log(), 40);
        if (!tail.isEmpty()) {
            text.append("  ---- last ")
                    .append(tail.size())
                    .append(" lines of ")
                    .append(config.display(component.log()))
                    .append(" ----\n");
            tail.forEach(line -> text.append("  | ").append(line).append('\n'));
            text.append("  ----\n");
        }
        progress.block(text.toString());
        return new Result(component, Outcome.FAILED, reason);
    }

    /** Keeps the previous run's log as {@code <component>.log.1}. */
    private static void rotate(Path log) throws IOException {
        if (Files.exists(log) && Files.size(log) > 0) {
            Files.move(log, log.resolveSibling(log.getFileName() + ".1"), StandardCopyOption.REPLACE_EXISTING);
        }
    }

    // -------------------------------------------------------------------------------------------------- down

    /** Stops what {@code up} started (all, or the named components), applications first. Returns how many. */
    int down(Collection<String> names) {
        Set<String> wanted = names.isEmpty() ? null : new LinkedHashSet<>(names);
        if (wanted != null) {
            wanted.forEach(this::component); // rejects unknown names
        }
        int stopped = 0;
        for (List<String> group : STOP_ORDER) {
            List<Component> batch = group.stream()
                    .filter(name -> wanted == null || wanted.contains(name))
                    .map(this::component)
                    .toList();
            try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
                List<CompletableFuture<Boolean>> futures = batch.stream()
                        .map(component -> CompletableFuture.supplyAsync(() -> stop(component), pool))
                        .toList();
                for (CompletableFuture<Boolean> future : futures) {
                    if (future.join()) {
                        stopped++;
                    }
                }
            }
        }
        progress.line(stopped == 0 ? "Nothing was running." : "Stopped " + stopped + " component(s).");
        return stopped;
    }

    private boolean stop(Component component) {
        Optional<PidFile> recorded = PidFile.read(component.pidFile());
        List<ProcessHandle> detached = component.detachedProcesses();
        boolean didSomething = false;
        if (recorded.isPresent()) {
            Optional<ProcessHandle> process = recorded.get().process();
            Optional<ProcessHandle> wrapper = recorded.get().wrapper();
            if (process.isEmpty() && wrapper.isEmpty()) {
                progress.step(component.name, "was not running (stale pid file removed)");
            } else {
                Instant begin = Instant.now();
                boolean killed = process.map(p -> Processes.stop(p, component.stopTimeout()))
                        .orElse(false);
                component.stopped(killed);
                wrapper.ifPresent(w -> Processes.stop(w, Duration.ofSeconds(10)));
                long pid = process.or(() -> wrapper).map(ProcessHandle::pid).orElse(0L);
                progress.step(
                        component.name,
                        String.format(
                                Locale.ROOT,
                                "stopped (pid %d) in %.1f s%s",
                                pid,
                                Duration.between(begin, Instant.now()).toMillis() / 1000.0,
                                killed
                                        ? ", killed after "
                                                + component.stopTimeout().toSeconds() + " s"
                                        : ""));
                didSomething = true;
            }
            try {
                Files.deleteIfExists(component.pidFile());
            } catch (IOException e) {
                progress.step(component.name, "could not remove " + component.pidFile() + ": " + e.getMessage());
            }
        }
        try {
            // the postmaster ends after its holder: wait for it, so that a following start finds the port free
            if (!Processes.awaitGone(detached, Duration.ofSeconds(20))) {
                progress.step(component.name, "some of its processes are still exiting");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        Optional<String> orphans = component.cleanUpOrphans();
        orphans.ifPresent(message -> progress.step(component.name, message));
        return didSomething || orphans.isPresent();
    }

    // ------------------------------------------------------------------------------------------------- reset

    /**
     * Deletes the data of the embedded PostgreSQL and Kafka ({@code .egov/data}), e.g. after a service rewrote a
     * migration during development. Refuses while anything runs. Keycloak's build and the logs are kept.
     */
    boolean reset() {
        List<String> running = components.stream()
                .filter(component -> PidFile.read(component.pidFile())
                        .flatMap(PidFile::process)
                        .isPresent())
                .map(component -> component.name)
                .toList();
        if (!running.isEmpty()) {
            progress.line("Still running: " + String.join(", ", running) + ". Stop the stack first: ./egov down");
            return false;
        }
        Path data = config.data();
        if (!Files.exists(data)) {
            progress.line("Nothing to reset: " + config.display(data) + " does not exist.");
            return true;
        }
        try (Stream<Path> paths = Files.walk(data)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        } catch (IOException e) {
            progress.line("Could not delete " + config.display(data) + ": " + e.getMessage());
            return false;
        }
        progress.line("Deleted " + config.display(data)
                + ": the next ./egov up creates empty databases, re-imports the realm and formats Kafka.");
        return true;
    }

    // ------------------------------------------------------------------------------------------------ status

    /** One component as {@code status} shows it. */
    record State(Component component, String state, long pid, boolean healthy, long rssBytes) {
        boolean running() {
            return state.equals("running");
        }
    }

    List<State> states() {
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            List<CompletableFuture<State>> futures = components.stream()
                    .map(component -> CompletableFuture.supplyAsync(() -> state(component), pool))
                    .toList();
            return futures.stream().map(CompletableFuture::join).toList();
        }
    }

    State state(Component component) {
        Optional<String> skip = component.skipReason();
        if (skip.isPresent()) {
            return new State(component, skip.get(), 0, false, 0);
        }
        Optional<ProcessHandle> process = PidFile.read(component.pidFile()).flatMap(PidFile::process);
        if (process.isPresent()) {
            return new State(component, "running", process.get().pid(), component.healthy(), rss(component));
        }
        boolean foreign = Processes.listening(component.port());
        return new State(component, foreign ? "stopped (port in use by another process)" : "stopped", 0, false, 0);
    }

    /** Status table; returns true when every component that is not skipped runs and serves. */
    boolean status() {
        List<State> states = states();
        progress.line(String.format(
                Locale.ROOT, "%-12s %-9s %-8s %-6s %-7s %s", "COMPONENT", "STATE", "PID", "PORT", "HEALTH", "RSS"));
        boolean allUp = true;
        long total = 0;
        for (State state : states) {
            boolean skipped = state.component().skipReason().isPresent();
            if (!skipped && !(state.running() && state.healthy())) {
                allUp = false;
            }
            total += state.rssBytes();
            if (state.running()) {
                progress.line(String.format(
                        Locale.ROOT,
                        "%-12s %-9s %-8d %-6d %-7s %s",
                        state.component().name,
                        "running",
                        state.pid(),
                        state.component().port(),
                        state.healthy() ? "UP" : "DOWN",
                        megabytes(state.rssBytes())));
            } else if (skipped) {
                progress.line(String.format(Locale.ROOT, "%-12s %s", state.component().name, state.state()));
            } else {
                progress.line(String.format(
                        Locale.ROOT,
                        "%-12s %-9s %-8s %-6d %-7s %s",
                        state.component().name,
                        "stopped",
                        "-",
                        state.component().port(),
                        "-",
                        state.state().equals("stopped") ? "" : state.state().substring("stopped ".length())));
            }
        }
        if (total > 0) {
            progress.line("total RSS " + megabytes(total));
        }
        return allUp;
    }

    // ------------------------------------------------------------------------------------------------ memory

    /** Memory of a component, as the sum over its processes of {@code VmRSS} and of {@code Pss}. */
    record Memory(long rss, long pss) {
        Memory plus(Memory other) {
            return new Memory(rss + other.rss, pss + other.pss);
        }

        @Override
        public String toString() {
            return rss == 0 ? "-" : megabytes(rss) + " (PSS " + megabytes(pss) + ")";
        }
    }

    Memory memory(Component component) {
        Set<Long> pids = pids(component);
        return new Memory(
                pids.stream().mapToLong(Processes::rss).sum(),
                pids.stream().mapToLong(Processes::pss).sum());
    }

    /** Resident memory of a component: its process, its descendants, its wrapper and detached processes. */
    long rss(Component component) {
        return memory(component).rss();
    }

    /** Every process of a component: its process, its descendants, its wrapper and detached processes. */
    Set<Long> pids(Component component) {
        Optional<PidFile> recorded = PidFile.read(component.pidFile());
        Set<Long> pids = new LinkedHashSet<>();
        recorded.flatMap(PidFile::process).ifPresent(process -> {
            pids.add(process.pid());
            process.descendants().forEach(child -> pids.add(child.pid()));
        });
        recorded.flatMap(PidFile::wrapper).ifPresent(wrapper -> pids.add(wrapper.pid()));
        component.detachedProcesses().forEach(process -> pids.add(process.pid()));
        return pids;
    }

    static String megabytes(long bytes) {
        return bytes == 0 ? "-" : (bytes / (1024 * 1024)) + " MB";
    }

    static Stream<String> names(List<Component> components) {
        return components.stream().map(component -> component.name);
    }
}
