package vn.egov.devstack;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Where the stack lives and which ports it uses.
 *
 * <p>Defaults are the shared conventions; each can be overridden with a system property (used by the tests):
 * {@code egov.root} (the repository, default the working directory), {@code egov.home} (default
 * {@code <root>/.egov}), {@code egov.port.<name>} for every entry of {@link #DEFAULT_PORTS} and
 * {@code egov.timeout.<component>} (seconds).
 *
 * @param root the repository root: service jars, the realm file and the Keycloak distribution are found from here
 * @param home the state directory ({@code .egov}): logs, pid files, data
 * @param javaHome the JDK every child JVM runs on (the one the launcher runs on)
 * @param classpath the class path of the holder JVMs (PostgreSQL, Kafka, mail): the launcher's own jar
 * @param ports port by name, see {@link #DEFAULT_PORTS}
 * @param env the environment the launcher was started with (external infrastructure, overrides)
 * @param timeouts start timeouts by component name, overriding each component's default
 */
public record StackConfig(
        Path root,
        Path home,
        Path javaHome,
        String classpath,
        Map<String, Integer> ports,
        Map<String, String> env,
        Map<String, Duration> timeouts) {

    /** Ports of the conventions, by name. */
    public static final Map<String, Integer> DEFAULT_PORTS = defaultPorts();

    public StackConfig {
        root = root.toAbsolutePath().normalize();
        home = home.toAbsolutePath().normalize();
        ports = Map.copyOf(ports);
        env = Map.copyOf(env);
        timeouts = Map.copyOf(timeouts);
    }

    private static Map<String, Integer> defaultPorts() {
        Map<String, Integer> ports = new LinkedHashMap<>();
        ports.put("gateway", 8080);
        ports.put("portal", 8081);
        ports.put("interchange", 8082);
        ports.put("registry", 8083);
        ports.put("reporting", 8084);
        ports.put("postgres", 15432);
        ports.put("kafka", 19092);
        ports.put("kafka-controller", 19093);
        ports.put("keycloak", 8180);
        ports.put("keycloak-management", 9000);
        ports.put("smtp", 2525);
        ports.put("mail", 2580);
        return Map.copyOf(ports);
    }

    /** The configuration of {@code ./egov}: conventions, overridden by system properties. */
    public static StackConfig fromSystem() {
        Path root = Path.of(System.getProperty("egov.root", System.getProperty("user.dir")));
        Path home =
                Path.of(System.getProperty("egov.home", root.resolve(".egov").toString()));
        Map<String, Integer> ports = new LinkedHashMap<>();
        DEFAULT_PORTS.forEach((name, port) -> ports.put(name, Integer.getInteger("egov.port." + name, port)));
        Map<String, Duration> timeouts = new LinkedHashMap<>();
        System.getProperties().stringPropertyNames().stream()
                .filter(key -> key.startsWith("egov.timeout."))
                .forEach(key -> timeouts.put(
                        key.substring("egov.timeout.".length()),
                        Duration.ofSeconds(Long.parseLong(System.getProperty(key)))));
        return new StackConfig(
                root,
                home,
                Path.of(System.getProperty("java.home")),
                launcherClasspath(),
                ports,
                System.getenv(),
                timeouts);
    }

    /** The launcher's own jar when it runs from one, otherwise the class path it runs with (tests, IDE). */
    static String launcherClasspath() {
        try {
            Path location = Path.of(StackConfig.class
                    .getProtectionDomain()
                    .getCodeSource()
                    .getLocation()
                    .toURI());
            if (Files.isRegularFile(location) && location.toString().endsWith(".jar")) {
                return location.toString();
            }
        } catch (URISyntaxException | RuntimeException e) {
            // fall through to the JVM's class path
        }
        return System.getProperty("java.class.path");
    }

    public int port(String name) {
        Integer port = ports.get(name);
        if (port == null) {
            throw new IllegalArgumentException("no port named " + name);
        }
        return port;
    }

    /** A variable of the launcher's environment, when set and not blank. */
    public Optional<String> env(String name) {
        return Optional.ofNullable(env.get(name)).filter(value -> !value.isBlank());
    }

    public Path logs() {
        return home.resolve("logs");
    }

    public Path run() {
        return home.resolve("run");
    }

    public Path data() {
        return home.resolve("data");
    }

    public Path log(String component) {
        return logs().resolve(component + ".log");
    }

    public Path pidFile(String component) {
        return run().resolve(component + ".pid");
    }

    public Path java() {
        return javaHome.resolve("bin").resolve("java");
    }

    /** A path shown relative to the repository when it is inside it. */
    public String display(Path path) {
        Path absolute = path.toAbsolutePath().normalize();
        return absolute.startsWith(root) ? root.relativize(absolute).toString() : absolute.toString();
    }

    public StackConfig withEnv(Map<String, String> newEnv) {
        return new StackConfig(root, home, javaHome, classpath, ports, newEnv, timeouts);
    }
}
