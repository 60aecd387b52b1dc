package vn.egov.interchange.bench;

import com.sun.net.httpserver.HttpServer;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.interfaces.RSAPublicKey;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import javax.sql.DataSource;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.egov.interchange.pki.Pem;
import vn.egov.interchange.testing.SamplePackages;
import vn.egov.interchange.testing.Signer;
import vn.egov.platform.testing.TestInfrastructure;

/**
 * Benchmark of the main path: signed 50 kB packages from one sender to three recipients, durable on both sides
 * (PostgreSQL with fsync and synchronous commit for the axis; each recipient stores what it receives in its own
 * durable table before acknowledging). Open model: packages are due at a fixed rate; senders resend after a 503 or
 * while the axis is unreachable, with exponential back-off and jitter.
 *
 * <p>{@code mode=pull} (default): each recipient's system polls its inbox every {@code pollMs} when it is empty,
 * fetches a page of packages in parallel, stores them in one transaction of its own database and acknowledges the
 * page in one request; a delivery's latency runs from the moment its package was due to the moment the recipient
 * has stored it and the axis has taken the acknowledgement. {@code mode=push}: the three recipients are agencies
 * registered as PUSH whose webhooks (a local HTTP server) check the signature, store each package durably and answer
 * 204; the latency runs to the webhook's answer.
 *
 * <p>With {@code kill=true}, the interchange JVM is killed with SIGKILL half way and restarted; senders resend what
 * was not answered (the axis recognises resends), recipients keep polling; at the end every delivery is counted on
 * both sides. {@code jvm="..."} adds options to the interchange JVM (e.g. a flight recording).
 *
 * <p>Run (after {@code ./mvnw -pl services/interchange -am install -DskipTests}):
 *
 * <pre>
 * ./mvnw -q -pl services/interchange dependency:build-classpath -Dmdep.outputFile=target/bench.cp -Dmdep.includeScope=test
 * java -cp services/interchange/target/test-classes:services/interchange/target/classes:$(cat services/interchange/target/bench.cp) \
 *     vn.egov.interchange.bench.InterchangeBenchmark rate=34 seconds=60 warmup=10 kill=false mode=pull
 * </pre>
 */
public final class InterchangeBenchmark {

    static final String SENDER = "000.00.00.G22";
    static final List<String> RECIPIENTS = List.of("000.00.00.H57", "000.00.00.G12", "000.00.00.H41");
    static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

    final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2))
            .build();
    final Map<String, Long> dueNanos = new ConcurrentHashMap<>();
    final Map<String, Boolean> measured = new ConcurrentHashMap<>();
    /** DocumentIds as the push headers carry them (non-ASCII as '?') to the DocumentIds. */
    final Map<String, String> asciiDocumentIds = new ConcurrentHashMap<>();

    final Recorder latency = new Recorder(3);
    final Recorder sendLatency = new Recorder(3);
    final AtomicLong lastMeasuredStore = new AtomicLong();
    final java.util.Set<String> acknowledged = ConcurrentHashMap.newKeySet();
    final AtomicLong sendRetries = new AtomicLong();
    final AtomicLong resendsRecognised = new AtomicLong();
    final AtomicLong refetched = new AtomicLong();
    final AtomicLong duplicatedAtRecipient = new AtomicLong();
    final AtomicLong stored = new AtomicLong();
    final AtomicBoolean stopPolling = new AtomicBoolean();
    final AtomicReference<Process> service = new AtomicReference<>();
    long pollMillis = 50;
    int pushConcurrency = 4;

    KeyPair issuerKeys;
    String issuer;
    String base;
    DataSource recipientsDb;

    public static void main(String[] args) throws Exception {
        Map<String, String> a = new java.util.HashMap<>();
        for (String arg : args) {
            String[] kv = arg.split("=", 2);
            a.put(kv[0], kv[1]);
        }
        InterchangeBenchmark benchmark = new InterchangeBenchmark();
        benchmark.pollMillis = Long.parseLong(a.getOrDefault("pollMs", "50"));
        benchmark.pushConcurrency = Integer.parseInt(a.getOrDefault("pushConcurrency", "4"));
        benchmark.run(
                Double.parseDouble(a.getOrDefault("rate", "34")),
                Integer.parseInt(a.getOrDefault("seconds", "60")),
                Integer.parseInt(a.getOrDefault("warmup", "10")),
                Boolean.parseBoolean(a.getOrDefault("kill", "false")),
                Path.of(a.getOrDefault("jar", "services/interchange/target/interchange.jar")),
                a.getOrDefault("jvm", ""),
                a.getOrDefault("mode", "pull"));
        System.exit(0);
    }

    void run(double rate, int seconds, int warmup, boolean kill, Path jar, String jvmOptions, String mode)
            throws Exception {
        boolean push = "push".equals(mode);
        EmbeddedPostgres pg = EmbeddedPostgres.builder()
                .setServerConfig("fsync", "on")
                .setServerConfig("synchronous_commit", "on")
                .setServerConfig("max_connections", "100")
                .start();
        try (Connection c = pg.getPostgresDatabase().getConnection();
                Statement s = c.createStatement()) {
            s.execute("CREATE ROLE interchange LOGIN PASSWORD 'interchange'");
            s.execute("CREATE DATABASE interchange OWNER interchange");
            s.execute("CREATE DATABASE recipients");
        }
        // the recipients' systems keep their connections in a pool, as any real one would
        com.zaxxer.hikari.HikariConfig pool = new com.zaxxer.hikari.HikariConfig();
        pool.setJdbcUrl(pg.getJdbcUrl("postgres", "recipients"));
        pool.setMaximumPoolSize(16);
        recipientsDb = new com.zaxxer.hikari.HikariDataSource(pool);
        try (Connection c = recipientsDb.getConnection();
                Statement s = c.createStatement()) {
            s.execute(
                    "CREATE TABLE received (document_id text, recipient text, delivery_id uuid NOT NULL,"
                            + " package_sha256 text NOT NULL, received_at timestamptz NOT NULL, PRIMARY KEY (document_id, recipient))");
        }
        String kafka = TestInfrastructure.kafkaBootstrapServers();
        startIssuer();
        int port = freePort();
        base = "http://127.0.0.1:" + port;
        String dbUrl = pg.getJdbcUrl("interchange", "interchange");
        List<String> command = new ArrayList<>(
                List.of(ProcessHandle.current().info().command().orElse("java"), "-Xmx768m", "-XX:+UseParallelGC"));
        for (String option : jvmOptions.split(" ")) {
            if (!option.isBlank()) {
                command.add(option);
            }
        }
        command.addAll(List.of("-jar", jar.toString()));
        ProcessBuilder launcher = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(Path.of("target/bench-interchange.log").toFile());
        launcher.environment()
                .putAll(Map.of(
                        "SERVER_PORT",
                        String.valueOf(port),
                        "EGOV_DB_URL",
                        dbUrl,
                        "EGOV_DB_USER",
                        "interchange",
                        "EGOV_DB_PASSWORD",
                        "interchange",
                        "EGOV_DB_POOL_SIZE",
                        "20",
                        "EGOV_KAFKA_BOOTSTRAP",
                        kafka,
                        "EGOV_OIDC_ISSUER",
                        issuer,
                        "EGOV_TRACE_SAMPLING",
                        "0",
                        "EGOV_INTERCHANGE_PUSH_CONCURRENCY",
                        String.valueOf(pushConcurrency)));
        long t0 = System.nanoTime();
        start(launcher);
        System.out.printf("interchange ready in %.1f s%n", (System.nanoTime() - t0) / 1e9);

        String admin = token("admin", null, "platform-admin");
        JsonNode issued = JsonMapper.shared()
                .readTree(send(post("/api/interchange/agencies/" + SENDER + "/certificate/development", admin, null))
                        .body());
        Signer signer = new Signer(
                SENDER,
                Pem.parseCertificate(issued.get("certificatePem").asString()),
                Pem.parsePrivateKey(issued.get("privateKeyPem").asString()));
        String senderToken = token("dms-vpcp", SENDER, "integrator");
        List<String> recipients = push ? registerWebhooks(admin) : RECIPIENTS;

        int total = (int) Math.round(rate * (warmup + seconds));
        byte[] attachment = new byte[50 * 1024];
        new Random(7).nextBytes(attachment);
        List<byte[]> packages = new ArrayList<>(total);
        long signStart = System.nanoTime();
        for (int i = 0; i < total; i++) {
            packages.add(signer.sign(SamplePackages.aPackage()
                    .number(String.valueOf(10000 + i))
                    .to(recipients.toArray(String[]::new))
                    .priority(i % 10 == 0 ? 3 : 0)
                    .attachmentBytes(attachment)
                    .build()));
        }
        System.out.printf(
                "%d packages of %d bytes signed in %.1f s%n",
                total, packages.getFirst().length, (System.nanoTime() - signStart) / 1e9);

        System.out.printf(
                "load average at the start: %s%n",
                Files.readString(Path.of("/proc/loadavg")).strip());
        List<Thread> pollers = new ArrayList<>();
        for (String recipient : push ? List.<String>of() : RECIPIENTS) {
            String t = token("dms-" + recipient, recipient, "integrator");
            pollers.add(Thread.ofVirtual().start(() -> poll(recipient, t)));
        }

        long periodNanos = (long) (1e9 / rate);
        long begin = System.nanoTime() + 200_000_000L;
        long measureFrom = begin + warmup * 1_000_000_000L;
        long killAt = kill ? measureFrom + seconds * 500_000_000L : Long.MAX_VALUE;
        AtomicLong downtimeNanos = new AtomicLong();
        Thread killer = Thread.ofVirtual().start(() -> {
            try {
                long wait = killAt - System.nanoTime();
                if (wait > 0 && killAt != Long.MAX_VALUE) {
                    Thread.sleep(wait / 1_000_000);
                    long k = System.nanoTime();
                    service.get().destroyForcibly().waitFor();
                    System.out.println("interchange killed (SIGKILL) at " + Instant.now());
                    start(launcher);
                    downtimeNanos.set(System.nanoTime() - k);
                    System.out.printf("interchange back after %.1f s%n", downtimeNanos.get() / 1e9);
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        try (var senders = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < total; i++) {
                long due = begin + i * periodNanos;
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                }
                String documentId = "000.00.00.G22,2026/03/02," + (10000 + i) + "/VPCP-TTĐT";
                dueNanos.put(documentId, due);
                asciiDocumentIds.put(documentId.replaceAll("[^\\x20-\\x7E]", "?"), documentId);
                if (due >= measureFrom) {
                    measured.put(documentId, true);
                }
                byte[] body = packages.get(i);
                boolean record = due >= measureFrom;
                senders.submit(() -> {
                    sendUntilAccepted(body, senderToken);
                    if (record) {
                        sendLatency.recordValue(Math.max(0, System.nanoTime() - due));
                    }
                });
            }
        }
        double sendSeconds = (System.nanoTime() - begin) / 1e9;
        killer.join();
        long deadline = System.nanoTime() + Duration.ofSeconds(180).toNanos();
        while (stored.get() < 3L * total && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        double allSeconds = (System.nanoTime() - begin) / 1e9;
        stopPolling.set(true);
        for (Thread p : pollers) {
            p.join();
        }

        Histogram h = latency.getIntervalHistogram();
        long deliveredMeasured = h.getTotalCount();
        long axisDocuments;
        long axisDeliveries;
        long axisDelivered;
        try (Connection c = pg.getDatabase("interchange", "interchange").getConnection();
                Statement s = c.createStatement()) {
            axisDocuments = count(s, "SELECT count(*) FROM document");
            axisDeliveries = count(s, "SELECT count(*) FROM delivery");
            axisDelivered = count(s, "SELECT count(*) FROM delivery WHERE state = 'DELIVERED'");
        }
        long atRecipients;
        try (Connection c = recipientsDb.getConnection();
                Statement s = c.createStatement()) {
            atRecipients = count(s, "SELECT count(*) FROM received");
        }
        System.out.println();
        System.out.printf(
                "%s delivery: offered %.1f packages/s = %.1f deliveries/s for %d s (+%d s warm-up), kill -9 mid-run: %s%n",
                mode, rate, rate * 3, seconds, warmup, kill);
        Histogram sends = sendLatency.getIntervalHistogram();
        System.out.printf(
                "measured deliveries %d; achieved %.1f deliveries/s (measured deliveries / time from the first due to"
                        + " the last stored)%n",
                deliveredMeasured, deliveredMeasured / ((lastMeasuredStore.get() - measureFrom) / 1e9));
        System.out.printf(
                "send (due -> 202): p50 %.1f ms  p99 %.1f ms  max %.1f ms%n",
                sends.getValueAtPercentile(50) / 1e6, sends.getValueAtPercentile(99) / 1e6, sends.getMaxValue() / 1e6);
        System.out.printf(
                (push
                                ? "latency due -> stored at recipient (webhook answered 2xx):"
                                : "latency due -> stored at recipient and acknowledged:")
                        + " p50 %.1f ms  p99 %.1f ms  p99.9 %.1f ms  max %.1f ms%n",
                h.getValueAtPercentile(50) / 1e6,
                h.getValueAtPercentile(99) / 1e6,
                h.getValueAtPercentile(99.9) / 1e6,
                h.getMaxValue() / 1e6);
        if (kill) {
            System.out.printf("interchange down (kill to ready) %.1f s%n", downtimeNanos.get() / 1e9);
        }
        System.out.printf(
                "load average at the end: %s%n",
                Files.readString(Path.of("/proc/loadavg")).strip());
        System.out.printf(
                "sent %d packages in %.1f s; all deliveries stored after %.1f s; send retries %d, resends recognised %d%n",
                total, sendSeconds, allSeconds, sendRetries.get(), resendsRecognised.get());
        System.out.printf(
                "axis: documents %d, deliveries %d, delivered %d | recipients stored %d (expected %d)%n",
                axisDocuments, axisDeliveries, axisDelivered, atRecipients, 3L * total);
        System.out.printf(
                "LOST %d  DUPLICATED %d  (re-fetched after a lost ack, deduplicated by delivery id: %d)%n",
                3L * total - atRecipients, duplicatedAtRecipient.get(), refetched.get());
        service.get().destroy();
        service.get().waitFor();
        pg.close();
    }

    /**
     * Sends until the axis answers 202. A 503 ({@code busy}) or an unreachable axis is retried after an exponential
     * back-off with jitter (100 ms doubling up to 5 s), as a well-behaved sender's system would.
     */
    void sendUntilAccepted(byte[] body, String token) {
        long backoff = 100;
        while (true) {
            try {
                HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(base + "/api/interchange/packages"))
                        .timeout(Duration.ofSeconds(10))
                        .header("Authorization", "Bearer " + token)
                        .header("Content-Type", "application/xml")
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                        .build());
                if (r.statusCode() == 202) {
                    if (r.body().contains("\"duplicate\":true")) {
                        resendsRecognised.incrementAndGet();
                    }
                    return;
                }
                if (r.statusCode() < 500) {
                    throw new IllegalStateException("refused: " + r.statusCode() + " " + r.body());
                }
            } catch (IOException e) {
                // the axis is down: resend
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            sendRetries.incrementAndGet();
            sleep(backoff / 2 + java.util.concurrent.ThreadLocalRandom.current().nextLong(backoff / 2 + 1));
            backoff = Math.min(5000, backoff * 2);
        }
    }

    /**
     * A recipient's system: takes a page of its inbox, fetches the packages in parallel, stores them durably in one
     * transaction of its own database (once per document), then acknowledges the page in one request.
     */
    void poll(String recipient, String token) {
        try (var workers = Executors.newVirtualThreadPerTaskExecutor()) {
            while (!stopPolling.get()) {
                try {
                    HttpResponse<String> r = send(get("/api/interchange/inbox?limit=40", token));
                    if (r.statusCode() != 200) {
                        sleep(200);
                        continue;
                    }
                    JsonNode items = JsonMapper.shared().readTree(r.body()).get("items");
                    if (items.isEmpty()) {
                        sleep(pollMillis);
                        continue;
                    }
                    List<java.util.concurrent.Future<Fetched>> fetches = new ArrayList<>();
                    for (JsonNode item : items) {
                        fetches.add(workers.submit(() -> fetch(token, item)));
                    }
                    List<Fetched> page = new ArrayList<>();
                    for (var f : fetches) {
                        page.add(f.get());
                    }
                    storeAndAcknowledge(recipient, token, page);
                } catch (IOException e) {
                    sleep(200); // the axis is down
                } catch (Exception e) {
                    if (!(e.getCause() instanceof IOException)) {
                        e.printStackTrace();
                    }
                    sleep(200);
                }
            }
        }
    }

    record Fetched(String deliveryId, String documentId, String sha256) {}

    Fetched fetch(String token, JsonNode item) throws Exception {
        String deliveryId = item.get("deliveryId").asString();
        HttpResponse<byte[]> p = http.send(
                get("/api/interchange/inbox/" + deliveryId + "/package", token),
                HttpResponse.BodyHandlers.ofByteArray());
        if (p.statusCode() != 200) {
            throw new IOException("package " + p.statusCode());
        }
        return new Fetched(
                deliveryId, item.get("documentId").asString(), vn.egov.interchange.agency.Hashes.sha256Hex(p.body()));
    }

    /** Stores a page at the recipient (one commit), then acknowledges it to the axis (one request). */
    void storeAndAcknowledge(String recipient, String token, List<Fetched> page) throws Exception {
        store(recipient, page);
        StringBuilder ids = new StringBuilder("{\"deliveryIds\":[");
        for (int i = 0; i < page.size(); i++) {
            ids.append(i == 0 ? "\"" : ",\"").append(page.get(i).deliveryId()).append('"');
        }
        ids.append("]}");
        // what is stored must be acknowledged: a lost answer (timeout, the axis down) is retried, repeats are harmless
        long backoff = 100;
        while (true) {
            try {
                HttpResponse<String> ack = send(HttpRequest.newBuilder(URI.create(base + "/api/interchange/inbox/ack"))
                        .timeout(Duration.ofSeconds(30))
                        .header("Authorization", "Bearer " + token)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(ids.toString()))
                        .build());
                if (ack.statusCode() == 200) {
                    break;
                }
                if (ack.statusCode() < 500) {
                    throw new IllegalStateException("ack refused: " + ack.statusCode() + " " + ack.body());
                }
            } catch (IOException e) {
                // no answer: acknowledge again
            }
            if (stopPolling.get()) {
                return;
            }
            sleep(backoff);
            backoff = Math.min(5000, backoff * 2);
        }
        for (Fetched f : page) {
            received(f.documentId(), recipient);
        }
    }

    /**
     * The recipient's durable store: one row per document and recipient; a delivery stored before (its ack was lost)
     * is a re-fetch, another delivery of a document already stored would be a duplicate.
     */
    void store(String recipient, List<Fetched> page) throws SQLException {
        try (Connection c = recipientsDb.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement insert = c.prepareStatement(
                            "INSERT INTO received (document_id, recipient, delivery_id, package_sha256, received_at)"
                                    + " VALUES (?, ?, ?::uuid, ?, now()) ON CONFLICT DO NOTHING");
                    PreparedStatement existing = c.prepareStatement(
                            "SELECT delivery_id::text FROM received WHERE document_id = ? AND recipient = ?")) {
                for (Fetched f : page) {
                    insert.setString(1, f.documentId());
                    insert.setString(2, recipient);
                    insert.setString(3, f.deliveryId());
                    insert.setString(4, f.sha256());
                    if (insert.executeUpdate() == 1) {
                        continue;
                    }
                    existing.setString(1, f.documentId());
                    existing.setString(2, recipient);
                    var rs = existing.executeQuery();
                    rs.next();
                    if (rs.getString(1).equals(f.deliveryId())) {
                        refetched.incrementAndGet();
                    } else {
                        duplicatedAtRecipient.incrementAndGet();
                    }
                }
            }
            c.commit();
        }
    }

    /** Counts a delivery once, at the first time it was stored and the axis knew (ack taken / webhook answered). */
    void received(String documentId, String recipient) {
        if (acknowledged.add(documentId + "|" + recipient)) {
            stored.incrementAndGet();
            Long due = dueNanos.get(documentId);
            if (due != null && measured.containsKey(documentId)) {
                long now = System.nanoTime();
                latency.recordValue(Math.max(0, now - due));
                lastMeasuredStore.accumulateAndGet(now, Math::max);
            }
        }
    }

    /**
     * Push mode: three agencies registered as PUSH, each with a webhook on a local HTTP server that checks the
     * signature, stores the package durably (one row per document, the delivery id making a repeat harmless) and
     * answers 204 after its commit.
     */
    List<String> registerWebhooks(String admin) throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 200);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        String url = "http://127.0.0.1:" + server.getAddress().getPort();
        List<String> codes = List.of("000.00.30.G12", "000.00.31.G12", "000.00.32.G12");
        Map<String, String> secrets = new ConcurrentHashMap<>();
        for (String code : codes) {
            String path = "/webhook/" + code;
            server.createContext(path, exchange -> {
                try (exchange) {
                    byte[] body = exchange.getRequestBody().readAllBytes();
                    var h = exchange.getRequestHeaders();
                    if (!vn.egov.interchange.push.WebhookSignature.verify(
                            secrets.get(code),
                            h.getFirst("Webhook-Timestamp"),
                            body,
                            h.getFirst("Webhook-Signature"))) {
                        exchange.sendResponseHeaders(401, -1);
                        return;
                    }
                    String documentId = asciiDocumentIds.get(h.getFirst("Edxml-Document-Id"));
                    store(
                            code,
                            List.of(new Fetched(
                                    h.getFirst("Edxml-Delivery-Id"),
                                    documentId,
                                    vn.egov.interchange.agency.Hashes.sha256Hex(body))));
                    exchange.sendResponseHeaders(204, -1);
                    received(documentId, code);
                } catch (Exception e) {
                    e.printStackTrace();
                    exchange.sendResponseHeaders(500, -1);
                }
            });
            HttpResponse<String> r = send(post(
                    "/api/interchange/agencies",
                    admin,
                    """
                    {"code2016":"%s","name":"Hệ thống nhận kiểu PUSH %s","parentCode":"G12",
                     "deliveryMode":"PUSH","webhookUrl":"%s%s"}""".formatted(code, code, url, path).getBytes(StandardCharsets.UTF_8),
                    "application/json"));
            if (r.statusCode() != 201) {
                throw new IllegalStateException("register " + code + ": " + r.statusCode() + " " + r.body());
            }
            HttpResponse<String> secret =
                    send(post("/api/interchange/agencies/" + code + "/webhook-secret", admin, null));
            secrets.put(
                    code,
                    JsonMapper.shared().readTree(secret.body()).get("secret").asString());
        }
        server.start();
        return codes;
    }

    void start(ProcessBuilder launcher) throws Exception {
        launcher.redirectOutput(ProcessBuilder.Redirect.appendTo(
                Path.of("target/bench-interchange.log").toFile()));
        service.set(launcher.start());
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (System.nanoTime() < deadline) {
            try {
                if (http.send(
                                        HttpRequest.newBuilder(URI.create(base + "/actuator/health/readiness"))
                                                .build(),
                                        HttpResponse.BodyHandlers.discarding())
                                .statusCode()
                        == 200) {
                    return;
                }
            } catch (IOException e) {
                // not yet
            }
            if (!service.get().isAlive()) {
                throw new IllegalStateException("interchange exited; see target/bench-interchange.log");
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("interchange not ready in 120 s");
    }

    HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    HttpRequest get(String path, String token) {
        return HttpRequest.newBuilder(URI.create(base + path))
                .timeout(Duration.ofSeconds(10))
                .header("Authorization", "Bearer " + token)
                .GET()
                .build();
    }

    HttpRequest post(String path, String token, byte[] body) {
        return post(path, token, body, "application/octet-stream");
    }

    HttpRequest post(String path, String token, byte[] body, String contentType) {
        return HttpRequest.newBuilder(URI.create(base + path))
                .timeout(Duration.ofSeconds(10))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", contentType)
                .POST(body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
    }

    void startIssuer() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        issuerKeys = generator.generateKeyPair();
        int port = freePort();
        issuer = "http://127.0.0.1:" + port + "/realms/egov";
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        server.createContext(
                "/realms/egov/.well-known/openid-configuration", e -> respond(e, """
                {"issuer":"%s","jwks_uri":"%s/protocol/openid-connect/certs","subject_types_supported":["public"],
                 "id_token_signing_alg_values_supported":["RS256"],"response_types_supported":["code"]}""".formatted(issuer, issuer)));
        server.createContext("/realms/egov/protocol/openid-connect/certs", e -> {
            RSAPublicKey key = (RSAPublicKey) issuerKeys.getPublic();
            respond(e, """
                    {"keys":[{"kty":"RSA","kid":"bench","use":"sig","alg":"RS256","n":"%s","e":"%s"}]}""".formatted(
                            B64.encodeToString(unsigned(key.getModulus().toByteArray())),
                            B64.encodeToString(unsigned(key.getPublicExponent().toByteArray()))));
        });
        server.start();
    }

    /** An access token shaped like Keycloak's, valid one hour. */
    String token(String subject, String agencyCode, String role) throws Exception {
        long now = Instant.now().getEpochSecond();
        String header = "{\"alg\":\"RS256\",\"typ\":\"JWT\",\"kid\":\"bench\"}";
        String payload = ("{\"iss\":\"%s\",\"sub\":\"%s\",\"azp\":\"%s\",\"aud\":[\"egov-api\"],\"iat\":%d,\"exp\":%d,"
                        + "%s\"realm_access\":{\"roles\":[\"%s\"]}}")
                .formatted(
                        issuer,
                        subject,
                        subject,
                        now,
                        now + 3600,
                        agencyCode == null ? "" : "\"agency_code\":\"" + agencyCode + "\",",
                        role);
        String input = B64.encodeToString(header.getBytes(StandardCharsets.UTF_8)) + "."
                + B64.encodeToString(payload.getBytes(StandardCharsets.UTF_8));
        Signature signature = Signature.getInstance("SHA256withRSA");
        signature.initSign(issuerKeys.getPrivate());
        signature.update(input.getBytes(StandardCharsets.US_ASCII));
        return input + "." + B64.encodeToString(signature.sign());
    }

    static void respond(com.sun.net.httpserver.HttpExchange exchange, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, bytes.length);
        try (var out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    static byte[] unsigned(byte[] bytes) {
        return bytes.length > 1 && bytes[0] == 0 ? java.util.Arrays.copyOfRange(bytes, 1, bytes.length) : bytes;
    }

    static long count(Statement s, String sql) throws SQLException {
        var rs = s.executeQuery(sql);
        rs.next();
        return rs.getLong(1);
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private InterchangeBenchmark() {}
}
