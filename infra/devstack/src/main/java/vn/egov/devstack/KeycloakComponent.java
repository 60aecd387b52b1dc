package vn.egov.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Keycloak from the Maven Central distribution, with its own home under {@code .egov/keycloak}, built once for
 * PostgreSQL, started optimized with the {@code egov} realm imported; absent when {@code EGOV_OIDC_ISSUER} is set.
 */
final class KeycloakComponent extends Component {

    static final String REALM = "egov";

    /** Build-time options; a change triggers a new {@code kc.sh build}. */
    static final List<String> BUILD_OPTIONS = List.of("--db=postgres", "--health-enabled=true", "--cache=local");

    KeycloakComponent(StackConfig config) {
        super("keycloak", config);
    }

    @Override
    int port() {
        return config.port("keycloak");
    }

    @Override
    List<Integer> ports() {
        return List.of(port(), config.port("keycloak-management"));
    }

    @Override
    List<String> dependsOn() {
        return List.of("postgres");
    }

    @Override
    Optional<String> skipReason() {
        return config.env("EGOV_OIDC_ISSUER").map(issuer -> "external: EGOV_OIDC_ISSUER=" + issuer);
    }

    @Override
    boolean external() {
        return true;
    }

    Path home() {
        return config.home().resolve("keycloak");
    }

    Path distributions() {
        return Path.of(System.getProperty(
                "egov.keycloak.dist",
                config.root().resolve("infra/devstack/target/keycloak-dist").toString()));
    }

    Path realmFile() {
        return config.root().resolve("infra/keycloak/egov-realm.json");
    }

    @Override
    void prepare(Progress progress) throws Exception {
        Path distribution = unpackedDistribution();
        String version = Files.readString(distribution.resolve("version.txt")).trim();
        Path home = home();
        Path installedVersion = home.resolve("version.txt");
        if (!Files.exists(installedVersion)
                || !Files.readString(installedVersion).trim().equals(version)) {
            progress.step(name, "installing " + version + " into " + config.display(home));
            Path staging = home.resolveSibling("keycloak.installing");
            deleteRecursively(staging);
            copyRecursively(distribution, staging);
            deleteRecursively(home);
            Files.move(staging, home, StandardCopyOption.ATOMIC_MOVE);
        }
        Path marker = home.resolve(".egov-build");
        String buildId = version + " " + String.join(" ", BUILD_OPTIONS);
        if (!Files.exists(marker) || !Files.readString(marker).trim().equals(buildId)) {
            progress.step(name, "kc.sh build " + String.join(" ", BUILD_OPTIONS) + " (once, ~30 s)");
            List<String> build = new java.util.ArrayList<>(
                    List.of("bash", home.resolve("bin/kc.sh").toString(), "build"));
            build.addAll(BUILD_OPTIONS);
            int code = Processes.run(build, baseEnvironment(), home, log(), Duration.ofMinutes(5));
            if (code != 0) {
                throw new IOException("kc.sh build exited with " + code);
            }
            Files.writeString(marker, buildId + "\n");
        }
        if (!Files.isRegularFile(realmFile())) {
            throw new IOException("realm file missing: " + config.display(realmFile()));
        }
        Path imports = home.resolve("data/import");
        Files.createDirectories(imports);
        // --import-realm skips a realm that exists: edits apply to a fresh database only
        Files.copy(realmFile(), imports.resolve(REALM + "-realm.json"), StandardCopyOption.REPLACE_EXISTING);
    }

    private Path unpackedDistribution() throws IOException {
        Path root = distributions();
        if (!Files.isDirectory(root)) {
            throw new IOException("Keycloak distribution not unpacked at " + config.display(root)
                    + ": build the launcher first (./mvnw -B -q -pl infra/devstack -am -DskipTests package)");
        }
        try (Stream<Path> children = Files.list(root)) {
            return children.filter(dir -> Files.isRegularFile(dir.resolve("bin/kc.sh")))
                    .max(Comparator.naturalOrder())
                    .orElseThrow(() -> new IOException("no keycloak-* directory with bin/kc.sh under " + root));
        }
    }

    /** JAVA_HOME (the launcher's JDK), heap bounds and the database. */
    Map<String, String> baseEnvironment() {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("JAVA_HOME", config.javaHome().toString());
        env.put("JAVA_OPTS_KC_HEAP", "-Xms64m -Xmx512m");
        env.put(
                "KC_DB_URL",
                config.env("EGOV_KEYCLOAK_DB_URL")
                        .or(() -> config.env("EGOV_DB_URL"))
                        .orElse("jdbc:postgresql://localhost:" + config.port("postgres") + "/keycloak"));
        env.put(
                "KC_DB_USERNAME",
                config.env("EGOV_KEYCLOAK_DB_USER")
                        .or(() -> config.env("EGOV_DB_URL").flatMap(url -> config.env("EGOV_DB_USER")))
                        .orElse("keycloak"));
        env.put(
                "KC_DB_PASSWORD",
                config.env("EGOV_KEYCLOAK_DB_PASSWORD")
                        .or(() -> config.env("EGOV_DB_URL").flatMap(url -> config.env("EGOV_DB_PASSWORD")))
                        .orElse("keycloak"));
        return env;
    }

    @Override
    Map<String, String> environment() {
        Map<String, String> env = baseEnvironment();
        env.put("KC_BOOTSTRAP_ADMIN_USERNAME", "admin");
        env.put("KC_BOOTSTRAP_ADMIN_PASSWORD", "admin");
        return env;
    }

    @Override
    Path workingDirectory() {
        return home();
    }

    @Override
    List<String> command() {
        return List.of(
                "bash",
                home().resolve("bin/kc.sh").toString(),
                "start",
                "--optimized",
                "--http-enabled=true",
                "--http-host=127.0.0.1",
                "--http-port=" + port(),
                "--hostname=http://localhost:" + port(),
                "--http-management-port=" + config.port("keycloak-management"),
                "--import-realm");
    }

    /** kc.sh forks java and waits for it: the java child is what serves, and what is stopped. */
    @Override
    ProcessHandle mainProcess(ProcessHandle started) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline && started.isAlive()) {
            Optional<ProcessHandle> java = started.children()
                    .filter(child ->
                            child.info().command().map(c -> c.endsWith("/java")).orElse(false))
                    .findFirst();
            if (java.isPresent()) {
                return java.get();
            }
            Thread.sleep(100);
        }
        return started;
    }

    @Override
    boolean healthy() {
        return Health.http(issuer() + "/.well-known/openid-configuration", "\"issuer\"");
    }

    String issuer() {
        return "http://localhost:" + port() + "/realms/" + REALM;
    }

    @Override
    String healthDescription() {
        return "GET " + issuer() + "/.well-known/openid-configuration";
    }

    @Override
    String url() {
        return "http://localhost:" + port();
    }

    @Override
    Duration defaultStartTimeout() {
        return Duration.ofSeconds(300);
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.delete(path);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }

    private static void copyRecursively(Path from, Path to) throws IOException {
        Files.walkFileTree(from, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                Files.createDirectories(to.resolve(from.relativize(dir).toString()));
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.copy(
                        file,
                        to.resolve(from.relativize(file).toString()),
                        StandardCopyOption.REPLACE_EXISTING,
                        StandardCopyOption.COPY_ATTRIBUTES);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
