package vn.egov.devstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** A Spring Boot application of the platform (a service or the gateway), one JVM each. */
final class JarComponent extends Component {

    static final List<String> SERVICES = List.of("portal", "interchange", "registry", "reporting");

    private final Path jar;
    private final boolean gateway;

    private JarComponent(String name, StackConfig config, Path jar, boolean gateway) {
        super(name, config);
        this.jar = jar;
        this.gateway = gateway;
    }

    static JarComponent service(String name, StackConfig config) {
        return new JarComponent(
                name,
                config,
                config.root().resolve("services").resolve(name).resolve("target/" + name + ".jar"),
                false);
    }

    static JarComponent gateway(StackConfig config) {
        return new JarComponent("gateway", config, config.root().resolve("gateway/target/gateway.jar"), true);
    }

    Path jar() {
        return jar;
    }

    @Override
    int port() {
        return config.port(name);
    }

    @Override
    List<String> dependsOn() {
        return gateway ? List.of("postgres") : List.of("postgres", "kafka");
    }

    /** The gateway routes to whatever serves: a failed service answers through its circuit breaker. */
    @Override
    List<String> startsAfter() {
        return gateway ? SERVICES : List.of();
    }

    /**
     * The jar the process runs: a copy under {@code .egov/apps}, so that rebuilding the module while the stack runs
     * does not pull classes from under a running JVM.
     */
    Path runningJar() {
        return config.home().resolve("apps").resolve(jar.getFileName());
    }

    @Override
    void prepare(Progress progress) throws Exception {
        Files.createDirectories(runningJar().getParent());
        // by content: a rebuild that produced the same jar (reproducible builds) keeps the copy and its AOT cache
        if (!Files.isRegularFile(runningJar()) || Files.mismatch(jar, runningJar()) != -1) {
            Path tmp = runningJar().resolveSibling(jar.getFileName() + ".copying");
            Files.copy(jar, tmp, StandardCopyOption.REPLACE_EXISTING);
            Files.move(tmp, runningJar(), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        }
        aotOption = aotOption(progress);
    }

    // ------------------------------------------------------------------ JDK 25 ahead-of-time cache (JEP 514/515)

    /** The JVM option chosen by {@link #prepare}: use the AOT cache, or record one, or nothing (JDK before 25). */
    private Optional<String> aotOption = Optional.empty();

    Path aotCache() {
        return config.home().resolve("aot").resolve(name + ".aot");
    }

    /** Size and modification time of the jar an AOT cache was recorded for. */
    Path aotStamp() {
        return config.home().resolve("aot").resolve(name + ".aot.jar");
    }

    static boolean aotSupported(StackConfig config) {
        return Runtime.version().feature() >= 25
                && config.javaHome().equals(Path.of(System.getProperty("java.home")))
                && !config.env("EGOV_AOT").orElse("on").equals("off");
    }

    /**
     * With a cache recorded for this very jar: {@code -XX:AOTCache} (start-up about halves: portal 24 s to 11 s
     * here). Otherwise this run records one ({@code -XX:AOTCacheOutput}), written when the JVM exits, i.e. on
     * {@code ./egov down}.
     */
    private Optional<String> aotOption(Progress progress) throws IOException {
        if (!aotSupported(config)) {
            return Optional.empty();
        }
        Files.createDirectories(aotCache().getParent());
        String stamp = stamp(runningJar());
        if (Files.isRegularFile(aotCache())
                && Files.isRegularFile(aotStamp())
                && Files.readString(aotStamp()).trim().equals(stamp)) {
            return Optional.of("-XX:AOTCache=" + aotCache());
        }
        Files.deleteIfExists(aotCache());
        Files.writeString(aotStamp(), stamp + "\n");
        progress.step(name, "recording an AOT cache during this run (written on ./egov down, used from the next up)");
        return Optional.of("-XX:AOTCacheOutput=" + aotCache());
    }

    /** A recording run writes its cache while it exits: give it time. */
    @Override
    Duration stopTimeout() {
        boolean recording = Files.isRegularFile(aotStamp()) && !Files.isRegularFile(aotCache());
        return Duration.ofSeconds(recording ? 90 : 30);
    }

    /** A JVM killed while writing its cache may leave a partial file: drop it. */
    @Override
    void stopped(boolean killed) {
        if (killed) {
            try {
                Files.deleteIfExists(aotCache());
                Files.deleteIfExists(aotStamp());
            } catch (IOException e) {
                // the JVM also rejects a cache that does not match
            }
        }
    }

    private static String stamp(Path file) {
        try {
            return Files.size(file) + " " + Files.getLastModifiedTime(file).toMillis();
        } catch (IOException e) {
            return "missing";
        }
    }

    @Override
    Optional<String> skipReason() {
        return Files.isRegularFile(jar)
                ? Optional.empty()
                : Optional.of("not built: " + config.display(jar) + " missing");
    }

    @Override
    List<String> command() {
        List<String> command = new ArrayList<>(List.of(
                config.java().toString(),
                "-Xmx256m",
                "-XX:+UseSerialGC",
                "-XX:+ExitOnOutOfMemoryError",
                "--enable-native-access=ALL-UNNAMED",
                "-Dfile.encoding=UTF-8"));
        config.env("EGOV_JAVA_OPTS")
                .ifPresent(opts -> command.addAll(List.of(opts.trim().split("\\s+"))));
        aotOption.ifPresent(command::add);
        command.add("-jar");
        command.add(runningJar().toString());
        return command;
    }

    /**
     * The variables of the conventions, each from the launcher's environment when set there, otherwise pointing at
     * the embedded infrastructure. {@code EGOV_<NAME>_DB_URL}/{@code _USER}/{@code _PASSWORD} override the shared
     * {@code EGOV_DB_*} for one application.
     */
    @Override
    Map<String, String> environment() {
        Map<String, String> env = new LinkedHashMap<>();
        String prefix = "EGOV_" + name.toUpperCase(Locale.ROOT) + "_DB_";
        env.put(
                "EGOV_DB_URL",
                config.env(prefix + "URL")
                        .or(() -> config.env("EGOV_DB_URL"))
                        .orElse("jdbc:postgresql://localhost:" + config.port("postgres") + "/" + name));
        env.put(
                "EGOV_DB_USER",
                config.env(prefix + "USER").or(() -> config.env("EGOV_DB_USER")).orElse(name));
        env.put(
                "EGOV_DB_PASSWORD",
                config.env(prefix + "PASSWORD")
                        .or(() -> config.env("EGOV_DB_PASSWORD"))
                        .orElse(name));
        env.put("EGOV_KAFKA_BOOTSTRAP", config.env("EGOV_KAFKA_BOOTSTRAP").orElse("localhost:" + config.port("kafka")));
        env.put(
                "EGOV_OIDC_ISSUER",
                config.env("EGOV_OIDC_ISSUER")
                        .orElse("http://localhost:" + config.port("keycloak") + "/realms/" + KeycloakComponent.REALM));
        env.put("EGOV_SMTP_HOST", config.env("EGOV_SMTP_HOST").orElse("localhost"));
        env.put("EGOV_SMTP_PORT", config.env("EGOV_SMTP_PORT").orElse(Integer.toString(config.port("smtp"))));
        env.put("SERVER_PORT", Integer.toString(port()));
        if (name.equals("registry")) {
            // access-log checkpoints are time-stamped by the platform's RFC 3161 service on the interchange, with
            // the registry's client-credentials token (Keycloak client egov-registry, role integrator)
            String interchange =
                    config.env("EGOV_INTERCHANGE_URL").orElse("http://localhost:" + config.port("interchange"));
            env.put(
                    "EGOV_REGISTRY_TSA_URL",
                    config.env("EGOV_REGISTRY_TSA_URL").orElse(interchange + "/api/interchange/timestamps"));
            env.put(
                    "EGOV_REGISTRY_TSA_CERTIFICATE",
                    config.env("EGOV_REGISTRY_TSA_CERTIFICATE")
                            .orElse(interchange + "/api/interchange/timestamps/certificate"));
            env.put(
                    "EGOV_REGISTRY_TSA_TOKEN_URI",
                    config.env("EGOV_REGISTRY_TSA_TOKEN_URI")
                            .orElse(env.get("EGOV_OIDC_ISSUER") + "/protocol/openid-connect/token"));
            env.put(
                    "EGOV_REGISTRY_TSA_CLIENT_ID",
                    config.env("EGOV_REGISTRY_TSA_CLIENT_ID").orElse("egov-registry"));
            env.put(
                    "EGOV_REGISTRY_TSA_CLIENT_SECRET",
                    config.env("EGOV_REGISTRY_TSA_CLIENT_SECRET").orElse("egov-registry-secret"));
        }
        if (gateway) {
            env.put(
                    "EGOV_GATEWAY_CLIENT_ID",
                    config.env("EGOV_GATEWAY_CLIENT_ID").orElse("egov-web"));
            env.put("EGOV_PUBLIC_URL", config.env("EGOV_PUBLIC_URL").orElse("http://localhost:" + port()));
            for (String service : SERVICES) {
                String variable = "EGOV_" + service.toUpperCase(Locale.ROOT) + "_URL";
                env.put(variable, config.env(variable).orElse("http://localhost:" + config.port(service)));
            }
        }
        return env;
    }

    @Override
    Path workingDirectory() {
        return config.root();
    }

    @Override
    boolean healthy() {
        return Health.actuator(healthUrl());
    }

    String healthUrl() {
        return "http://localhost:" + port() + (gateway ? "/actuator/health" : "/actuator/health/readiness");
    }

    @Override
    String healthDescription() {
        return "GET " + healthUrl() + " is UP";
    }

    @Override
    String url() {
        return "http://localhost:" + port();
    }

    @Override
    Duration defaultStartTimeout() {
        return Duration.ofSeconds(gateway ? 180 : 240);
    }
}
