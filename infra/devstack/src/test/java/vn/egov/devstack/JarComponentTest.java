package vn.egov.devstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JarComponentTest {

    private static StackConfig config(Map<String, String> env) {
        return new StackConfig(
                Path.of("/repo"),
                Path.of("/repo/.egov"),
                Path.of(System.getProperty("java.home")),
                "devstack.jar",
                StackConfig.DEFAULT_PORTS,
                env,
                Map.of());
    }

    @Test
    void aServicePointsAtTheEmbeddedInfrastructureByDefault() {
        Map<String, String> env =
                JarComponent.service("registry", config(Map.of())).environment();

        assertThat(env)
                .contains(
                        entry("EGOV_DB_URL", "jdbc:postgresql://localhost:15432/registry"),
                        entry("EGOV_DB_USER", "registry"),
                        entry("EGOV_DB_PASSWORD", "registry"),
                        entry("EGOV_KAFKA_BOOTSTRAP", "localhost:19092"),
                        entry("EGOV_OIDC_ISSUER", "http://localhost:8180/realms/egov"),
                        entry("EGOV_SMTP_HOST", "localhost"),
                        entry("EGOV_SMTP_PORT", "2525"),
                        entry("SERVER_PORT", "8083"),
                        entry("EGOV_REGISTRY_TSA_URL", "http://localhost:8082/api/interchange/timestamps"),
                        entry(
                                "EGOV_REGISTRY_TSA_CERTIFICATE",
                                "http://localhost:8082/api/interchange/timestamps/certificate"),
                        entry(
                                "EGOV_REGISTRY_TSA_TOKEN_URI",
                                "http://localhost:8180/realms/egov/protocol/openid-connect/token"),
                        entry("EGOV_REGISTRY_TSA_CLIENT_ID", "egov-registry"));
        assertThat(JarComponent.service("portal", config(Map.of())).environment())
                .doesNotContainKey("EGOV_REGISTRY_TSA_URL");
    }

    @Test
    void externalInfrastructureComesFromTheEnvironmentAndAPerServiceUrlWins() {
        StackConfig config = config(Map.of(
                "EGOV_DB_URL", "jdbc:postgresql://db.example:5432/shared",
                "EGOV_DB_USER", "app",
                "EGOV_REGISTRY_DB_URL", "jdbc:postgresql://db.example:5432/registry",
                "EGOV_REGISTRY_DB_PASSWORD", "s3cret",
                "EGOV_KAFKA_BOOTSTRAP", "kafka.example:9092",
                "EGOV_OIDC_ISSUER", "https://id.example/realms/egov"));

        assertThat(JarComponent.service("registry", config).environment())
                .contains(
                        entry("EGOV_DB_URL", "jdbc:postgresql://db.example:5432/registry"),
                        entry("EGOV_DB_USER", "app"),
                        entry("EGOV_DB_PASSWORD", "s3cret"),
                        entry("EGOV_KAFKA_BOOTSTRAP", "kafka.example:9092"),
                        entry("EGOV_OIDC_ISSUER", "https://id.example/realms/egov"));
        assertThat(JarComponent.service("portal", config).environment())
                .contains(entry("EGOV_DB_URL", "jdbc:postgresql://db.example:5432/shared"));
        Stack stack = new Stack(config, new Progress(System.out));
        assertThat(stack.component("postgres").skipReason()).isPresent();
        assertThat(stack.component("kafka").skipReason()).isPresent();
        assertThat(stack.component("keycloak").skipReason()).isPresent();
        assertThat(stack.component("mail").skipReason()).isEmpty();
    }

    @Test
    void theGatewayKnowsEveryServiceAndItsOwnDatabase() {
        Map<String, String> env = JarComponent.gateway(config(Map.of())).environment();

        assertThat(env)
                .contains(
                        entry("EGOV_DB_URL", "jdbc:postgresql://localhost:15432/gateway"),
                        entry("EGOV_DB_USER", "gateway"),
                        entry("EGOV_GATEWAY_CLIENT_ID", "egov-web"),
                        entry("EGOV_PUBLIC_URL", "http://localhost:8080"),
                        entry("EGOV_PORTAL_URL", "http://localhost:8081"),
                        entry("EGOV_INTERCHANGE_URL", "http://localhost:8082"),
                        entry("EGOV_REGISTRY_URL", "http://localhost:8083"),
                        entry("EGOV_REPORTING_URL", "http://localhost:8084"),
                        entry("SERVER_PORT", "8080"));
    }

    @Test
    void aServiceRunsFromACopyOfItsJarAndUsesAnAotCacheRecordedForThatCopy(@TempDir Path root) throws Exception {
        assumeTrue(Runtime.version().feature() >= 25, "AOT caches need JDK 25");
        StackConfig config = new StackConfig(
                root,
                root.resolve(".egov"),
                Path.of(System.getProperty("java.home")),
                "devstack.jar",
                StackConfig.DEFAULT_PORTS,
                Map.of(),
                Map.of());
        Path built = root.resolve("services/registry/target/registry.jar");
        Files.createDirectories(built.getParent());
        Files.write(built, new byte[] {1, 2, 3});
        Progress quiet = new Progress(new PrintStream(OutputStream.nullOutputStream()));

        JarComponent first = JarComponent.service("registry", config);
        first.prepare(quiet);
        assertThat(first.command())
                .contains(
                        "-XX:AOTCacheOutput=" + first.aotCache(),
                        "-jar",
                        first.runningJar().toString());
        assertThat(first.runningJar()).hasBinaryContent(new byte[] {1, 2, 3});

        Files.write(first.aotCache(), new byte[] {0}); // what the JVM writes when it exits
        Files.write(built, new byte[] {1, 2, 3}); // rebuilt, same content
        JarComponent second = JarComponent.service("registry", config);
        second.prepare(quiet);
        assertThat(second.command()).contains("-XX:AOTCache=" + second.aotCache());

        Files.write(built, new byte[] {4, 5, 6, 7}); // rebuilt, new content
        JarComponent third = JarComponent.service("registry", config);
        third.prepare(quiet);
        assertThat(third.runningJar()).hasBinaryContent(new byte[] {4, 5, 6, 7});
        assertThat(third.command()).contains("-XX:AOTCacheOutput=" + third.aotCache());
        assertThat(third.aotCache()).doesNotExist();

        StackConfig off = config.withEnv(Map.of("EGOV_AOT", "off"));
        JarComponent disabled = JarComponent.service("registry", off);
        disabled.prepare(quiet);
        assertThat(disabled.command()).noneMatch(option -> option.startsWith("-XX:AOT"));
    }

    @Test
    void namingAComponentStartsWhatItNeeds() {
        Stack stack = new Stack(config(Map.of()), new Progress(System.out));

        assertThat(stack.withDependencies(java.util.List.of("registry")))
                .extracting(component -> component.name)
                .containsExactly("postgres", "kafka", "registry");
        assertThat(stack.withDependencies(java.util.List.of()))
                .extracting(component -> component.name)
                .containsExactly(
                        "postgres",
                        "kafka",
                        "keycloak",
                        "mail",
                        "portal",
                        "interchange",
                        "registry",
                        "reporting",
                        "gateway");
    }
}
