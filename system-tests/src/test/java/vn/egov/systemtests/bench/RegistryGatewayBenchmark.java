package vn.egov.systemtests.bench;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * Lookups by number in the population registry (the registry issue's benchmark): an integrator holding a
 * data-sharing agreement ({@code demo-integrator} × {@code dossier-processing} in the dev seed) reads citizens
 * by personal ID number, {@code GET /api/registry/citizens/{pid}?purpose=dossier-processing}, each read decided,
 * written to the hash-chained access log and committed (fsync on) before the answer leaves. Three targets, one
 * after the other, so that their figures are taken side by side:
 *
 * <ul>
 *   <li>{@code raw}: a primary-key lookup of the same numbers straight on the registry's PostgreSQL (JDBC, no
 *       transaction of its own, nothing written), the floor the ratio is taken against;
 *   <li>{@code direct}: the registry service on its own port with the integrator's token (JWT checked by the
 *       service, agreement, citizen, residences, access-log append, commit);
 *   <li>{@code gateway}: the same call through the gateway (JWT checked, the client's rate-limit bucket in
 *       PostgreSQL, token relayed, circuit breaker).
 * </ul>
 *
 * <p>The numbers are a random sample (default 100,000) of the {@code citizen} table read once with JDBC; each
 * request picks one at random. The token is obtained once by client credentials and renewed every four minutes
 * (Keycloak's access tokens live five), off the measured path. Two modes: {@code open} — requests start at a fixed
 * rate whatever the latency of earlier ones, and latency is counted from the moment a request was due
 * (HdrHistogram), so queueing is not hidden; after a warm-up at the same rate — and {@code closed}, the capacity:
 * {@code threads} callers each sending the next request when the previous one answered. Errors are counted by
 * HTTP status and problem code (an exception's class name: no answer; {@code shed}: more than {@code maxInFlight} requests outstanding). The load
 * average of the machine ({@code /proc/loadavg}) is printed with each figure.
 *
 * <p>The gateway's per-client rate limit (100/s by default) would answer most of the load with 429: start the
 * stack with a higher limit for the benchmark's client, for example {@code EGOV_JAVA_OPTS=
 * "-Degov.gateway.rate-limit.clients.demo-integrator.capacity=20000
 * -Degov.gateway.rate-limit.clients.demo-integrator.refill=20000" ./egov up} (see the registry README,
 * "Figures"). Run:
 *
 * <pre>./mvnw -q -pl system-tests test-compile exec:java -Dexec.classpathScope=test \
 *   -Dexec.mainClass=vn.egov.systemtests.bench.RegistryGatewayBenchmark \
 *   -Dexec.args="targets=raw,direct,gateway rates=500,1000,2000 seconds=60 warmUp=15 mode=both"</pre>
 *
 * Arguments ({@code key=value}): {@code targets} ({@code raw}, {@code direct}, {@code gateway}, comma
 * separated, in that order), {@code rates} (offered requests/s, comma separated), {@code seconds}, {@code warmUp}
 * (s), {@code mode} ({@code open}, {@code closed} or {@code both}), {@code threads} (closed loop, default 32),
 * {@code closedSeconds} (default 20), {@code sample}, {@code purpose}, {@code fields} (comma separated; default:
 * all the agreement allows), {@code maxInFlight} (default 4,000), {@code jdbcConnections} (raw target, default
 * 32), {@code gateway}, {@code registry}, {@code issuer}, {@code db}, {@code dbUser}, {@code dbPassword},
 * {@code clientId}, {@code clientSecret}.
 */
public final class RegistryGatewayBenchmark {

    /** One measured run; {@code achieved} counts successful answers (200) per second. */
    record Result(
            String target,
            String mode,
            double offered,
            double achieved,
            long requests,
            Map<String, Long> errors,
            double p50Ms,
            double p99Ms,
            double p999Ms,
            double maxMs,
            String load) {

        long errorCount() {
            return errors.values().stream().mapToLong(Long::longValue).sum();
        }

        @Override
        public String toString() {
            return "%-8s %-6s offered %8s achieved %7.1f/s  n=%d  errors=%d %s  p50 %7.2f ms  p99 %7.2f ms  p99.9 %7.2f ms  max %7.2f ms  load %s"
                    .formatted(
                            target,
                            mode,
                            offered > 0 ? "%7.1f/s".formatted(offered) : "closed",
                            achieved,
                            requests,
                            errorCount(),
                            errors.isEmpty() ? "" : errors,
                            p50Ms,
                            p99Ms,
                            p999Ms,
                            maxMs,
                            load);
        }
    }

    /**
     * One request, blocking (run on a virtual thread); returns "200" for a success, else the HTTP status and the
     * problem's {@code code} when the answer has one ("503 service-timeout"), or 404 for a number not found.
     */
    interface Call {
        String call(String pid) throws Exception;
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = Args.parse(args);
        String gateway = options.getOrDefault("gateway", "http://localhost:8080");
        String registry = options.getOrDefault("registry", "http://localhost:8083");
        String issuer = options.getOrDefault("issuer", "http://localhost:8180/realms/egov");
        String db = options.getOrDefault("db", "jdbc:postgresql://localhost:15432/registry");
        String dbUser = options.getOrDefault("dbUser", "registry");
        String dbPassword = options.getOrDefault("dbPassword", "registry");
        String clientId = options.getOrDefault("clientId", "demo-integrator");
        String clientSecret = options.getOrDefault("clientSecret", "demo-integrator-secret");
        List<String> targets =
                List.of(options.getOrDefault("targets", "raw,direct,gateway").split(","));
        double[] rates = Arrays.stream(
                        options.getOrDefault("rates", "500,1000,2000").split(","))
                .mapToDouble(Double::parseDouble)
                .toArray();
        Duration duration = Duration.ofSeconds(Long.parseLong(options.getOrDefault("seconds", "60")));
        Duration warmUp = Duration.ofSeconds(Long.parseLong(options.getOrDefault("warmUp", "15")));
        String mode = options.getOrDefault("mode", "both");
        int threads = Integer.parseInt(options.getOrDefault("threads", "32"));
        Duration closedDuration = Duration.ofSeconds(Long.parseLong(options.getOrDefault("closedSeconds", "20")));
        int sampleSize = Integer.parseInt(options.getOrDefault("sample", "100000"));
        int maxInFlight = Integer.parseInt(options.getOrDefault("maxInFlight", "4000"));
        int jdbcConnections = Integer.parseInt(options.getOrDefault("jdbcConnections", "32"));
        String purpose = options.getOrDefault("purpose", "dossier-processing");
        String fields = options.get("fields");

        long citizens;
        String[] pids;
        try (Connection connection = DriverManager.getConnection(db, dbUser, dbPassword)) {
            citizens = estimatedCitizens(connection);
            pids = sample(connection, sampleSize, citizens);
        }
        System.out.printf(
                "registry: ~%,d citizens (planner estimate); %,d numbers sampled; load %s%n",
                citizens, pids.length, load());

        HttpClient http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .executor(Executors.newVirtualThreadPerTaskExecutor())
                .build();
        AtomicReference<String> token = new AtomicReference<>();
        ScheduledExecutorService renew = Executors.newSingleThreadScheduledExecutor();
        BlockingQueue<Connection> pool = new ArrayBlockingQueue<>(jdbcConnections);
        try {
            if (!targets.equals(List.of("raw"))) {
                token.set(clientCredentials(http, issuer, clientId, clientSecret));
                renew.scheduleAtFixedRate(
                        () -> {
                            try {
                                token.set(clientCredentials(http, issuer, clientId, clientSecret));
                            } catch (Exception e) {
                                System.out.println("token renewal failed: " + e);
                            }
                        },
                        240,
                        240,
                        TimeUnit.SECONDS);
            }
            for (int i = 0; i < jdbcConnections && targets.contains("raw"); i++) {
                pool.add(DriverManager.getConnection(db, dbUser, dbPassword));
            }
            String query = "?purpose=" + URLEncoder.encode(purpose, StandardCharsets.UTF_8)
                    + (fields == null ? "" : "&fields=" + URLEncoder.encode(fields, StandardCharsets.UTF_8));
            List<Result> results = new ArrayList<>();
            for (String target : targets) {
                Call call =
                        switch (target) {
                            case "raw" -> pid -> raw(pool, pid);
                            case "direct" ->
                                pid -> get(
                                        http,
                                        URI.create(registry + "/api/registry/citizens/" + pid + query),
                                        token.get());
                            case "gateway" ->
                                pid -> get(
                                        http,
                                        URI.create(gateway + "/api/registry/citizens/" + pid + query),
                                        token.get());
                            default -> throw new IllegalArgumentException("unknown target " + target);
                        };
                check(target, call, pids[0]);
                if (!mode.equals("open")) {
                    Result r = closed(target, call, pids, threads, Duration.ofSeconds(5), closedDuration);
                    System.out.println(r);
                    results.add(r);
                }
                if (!mode.equals("closed")) {
                    for (double rate : rates) {
                        Result r = open(target, call, pids, rate, warmUp, duration, maxInFlight);
                        System.out.println(r);
                        results.add(r);
                    }
                }
            }
            System.out.println();
            results.forEach(System.out::println);
            ratios(results);
        } finally {
            renew.shutdownNow();
            for (Connection c : pool) {
                c.close();
            }
        }
    }

    /** Capacity of each target against the raw lookup, and the latency at equal offered rates. */
    static void ratios(List<Result> results) {
        Result raw = results.stream()
                .filter(r -> r.target().equals("raw") && r.mode().equals("closed"))
                .findFirst()
                .orElse(null);
        for (Result r : results) {
            if (raw != null && r.mode().equals("closed") && r != raw) {
                System.out.printf(
                        "capacity %s / raw = %.0f / %.0f = %.3f (raw is %.1f× faster)%n",
                        r.target(),
                        r.achieved(),
                        raw.achieved(),
                        r.achieved() / raw.achieved(),
                        raw.achieved() / r.achieved());
            }
        }
        for (Result r : results) {
            if (!r.mode().equals("open") || r.target().equals("raw")) {
                continue;
            }
            results.stream()
                    .filter(o -> o.target().equals("raw") && o.mode().equals("open") && o.offered() == r.offered())
                    .findFirst()
                    .ifPresent(o -> System.out.printf(
                            "at %.0f/s offered: %s p50 %.2f ms / raw %.2f ms, p99 %.2f ms / raw %.2f ms%n",
                            r.offered(), r.target(), r.p50Ms(), o.p50Ms(), r.p99Ms(), o.p99Ms()));
        }
    }

    /** Open model: {@code rate} requests/s for {@code duration} after a warm-up at the same rate. */
    static Result open(
            String target, Call call, String[] pids, double rate, Duration warmUp, Duration duration, int maxInFlight)
            throws InterruptedException {
        if (!warmUp.isZero()) {
            fire(call, pids, rate, warmUp, maxInFlight, new Recorder(3), new ConcurrentHashMap<>(), new AtomicLong());
        }
        Recorder recorder = new Recorder(3);
        Map<String, LongAdder> errors = new ConcurrentHashMap<>();
        AtomicLong completed = new AtomicLong();
        long started = System.nanoTime();
        fire(call, pids, rate, duration, maxInFlight, recorder, errors, completed);
        double seconds = (System.nanoTime() - started) / 1e9;
        return result(target, "open", rate, completed.get() / seconds, recorder.getIntervalHistogram(), errors);
    }

    private static void fire(
            Call call,
            String[] pids,
            double rate,
            Duration duration,
            int maxInFlight,
            Recorder recorder,
            Map<String, LongAdder> errors,
            AtomicLong completed)
            throws InterruptedException {
        long total = Math.round(rate * duration.toNanos() / 1e9);
        double interval = 1e9 / rate;
        Semaphore inFlight = new Semaphore(maxInFlight);
        try (ExecutorService workers = Executors.newVirtualThreadPerTaskExecutor()) {
            long origin = System.nanoTime();
            for (long i = 0; i < total; i++) {
                long due = origin + Math.round(i * interval);
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    LockSupport.parkNanos(wait);
                }
                if (!inFlight.tryAcquire()) {
                    count(errors, "shed");
                    continue;
                }
                String pid = pids[ThreadLocalRandom.current().nextInt(pids.length)];
                workers.execute(() -> {
                    try {
                        String outcome = attempt(call, pid);
                        recorder.recordValue(Math.max(0, System.nanoTime() - due));
                        if (outcome.equals("200")) {
                            completed.incrementAndGet();
                        } else {
                            count(errors, outcome);
                        }
                    } finally {
                        inFlight.release();
                    }
                });
            }
            // closing the executor waits for the outstanding requests (each has its own 30 s time-out)
        }
    }

    /** Closed loop: {@code threads} callers back to back for {@code duration}, after a short warm-up. */
    static Result closed(String target, Call call, String[] pids, int threads, Duration warmUp, Duration duration)
            throws InterruptedException {
        loop(call, pids, threads, warmUp, new Recorder(3), new ConcurrentHashMap<>(), new AtomicLong());
        Recorder recorder = new Recorder(3);
        Map<String, LongAdder> errors = new ConcurrentHashMap<>();
        AtomicLong completed = new AtomicLong();
        long started = System.nanoTime();
        loop(call, pids, threads, duration, recorder, errors, completed);
        double seconds = (System.nanoTime() - started) / 1e9;
        return result(target, "closed", 0, completed.get() / seconds, recorder.getIntervalHistogram(), errors);
    }

    private static void loop(
            Call call,
            String[] pids,
            int threads,
            Duration duration,
            Recorder recorder,
            Map<String, LongAdder> errors,
            AtomicLong completed)
            throws InterruptedException {
        long end = System.nanoTime() + duration.toNanos();
        try (ExecutorService workers = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int t = 0; t < threads; t++) {
                workers.execute(() -> {
                    while (System.nanoTime() < end) {
                        String pid = pids[ThreadLocalRandom.current().nextInt(pids.length)];
                        long start = System.nanoTime();
                        String outcome = attempt(call, pid);
                        recorder.recordValue(System.nanoTime() - start);
                        if (outcome.equals("200")) {
                            completed.incrementAndGet();
                        } else {
                            count(errors, outcome);
                        }
                    }
                });
            }
        }
    }

    private static String attempt(Call call, String pid) {
        try {
            return call.call(pid);
        } catch (Exception e) {
            return e.getClass().getSimpleName();
        }
    }

    private static void count(Map<String, LongAdder> errors, String key) {
        errors.computeIfAbsent(key, k -> new LongAdder()).increment();
    }

    private static Result result(
            String target,
            String mode,
            double offered,
            double achieved,
            Histogram histogram,
            Map<String, LongAdder> errors) {
        Map<String, Long> counted = new TreeMap<>();
        errors.forEach((k, v) -> counted.put(k, v.sum()));
        return new Result(
                target,
                mode,
                offered,
                achieved,
                histogram.getTotalCount() + counted.getOrDefault("shed", 0L),
                counted,
                histogram.getValueAtPercentile(50) / 1e6,
                histogram.getValueAtPercentile(99) / 1e6,
                histogram.getValueAtPercentile(99.9) / 1e6,
                histogram.getMaxValue() / 1e6,
                load());
    }

    /** One call before measuring, so a missing agreement or a wrong secret fails at once with the answer. */
    static void check(String target, Call call, String pid) throws Exception {
        String outcome = call.call(pid);
        if (!outcome.equals("200")) {
            throw new IllegalStateException(target + ": first lookup of " + pid + " answered " + outcome
                    + " (agreement for the client? rate limit? see the class comment)");
        }
    }

    static String get(HttpClient http, URI uri, String token) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(uri)
                .header("Authorization", "Bearer " + token)
                .header("Accept", "application/json")
                .timeout(Duration.ofSeconds(30))
                .GET()
                .build();
        HttpResponse<String> answer = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() == 200) {
            return "200";
        }
        Matcher code = PROBLEM_CODE.matcher(answer.body());
        return answer.statusCode() + (code.find() ? " " + code.group(1) : "");
    }

    static final Pattern PROBLEM_CODE = Pattern.compile("\"code\"\\s*:\\s*\"([^\"]+)\"");

    static String raw(BlockingQueue<Connection> pool, String pid) throws SQLException, InterruptedException {
        Connection connection = pool.take();
        try (PreparedStatement statement = connection.prepareStatement(
                "select full_name, birth_year, birth_month, birth_day, sex from citizen where pid = ?")) {
            statement.setString(1, pid);
            try (ResultSet rs = statement.executeQuery()) {
                return rs.next() ? "200" : "404";
            }
        } finally {
            pool.put(connection);
        }
    }

    static long estimatedCitizens(Connection connection) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                        "select reltuples::bigint from pg_class where relname = 'citizen'");
                ResultSet rs = statement.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Random numbers of existing citizens: a block sample of the table, shuffled, at most {@code size}. */
    static String[] sample(Connection connection, int size, long citizens) throws SQLException {
        double percent = citizens <= 0 ? 100 : Math.min(100, 150.0 * size / citizens);
        List<String> pids = new ArrayList<>(size);
        try (PreparedStatement statement = connection.prepareStatement("select pid from citizen tablesample system ("
                        + percent + ") order by random() limit " + size);
                ResultSet rs = statement.executeQuery()) {
            while (rs.next()) {
                pids.add(rs.getString(1));
            }
        }
        if (pids.isEmpty()) {
            throw new IllegalStateException("the registry has no citizens: load some first (see the registry README)");
        }
        return pids.toArray(String[]::new);
    }

    static String clientCredentials(HttpClient http, String issuer, String clientId, String secret)
            throws IOException, InterruptedException {
        return BenchTokens.token(
                http,
                issuer,
                Map.of("grant_type", "client_credentials", "client_id", clientId, "client_secret", secret));
    }

    /** The machine's load average over 1, 5 and 15 minutes. */
    static String load() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (IOException | RuntimeException e) {
            return "?";
        }
    }

    private RegistryGatewayBenchmark() {}
}
