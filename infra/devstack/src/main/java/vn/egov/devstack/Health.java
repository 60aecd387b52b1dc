package vn.egov.devstack;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.Collection;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;

/** Probes that say whether a component really serves, each answering within a few seconds. */
final class Health {

    private static final HttpClient HTTP = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(2))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    private Health() {}

    /** GET {@code url} answers 200 and, when given, its body contains {@code expected}. */
    static boolean http(String url, String expected) {
        try {
            HttpResponse<String> response = HTTP.send(
                    HttpRequest.newBuilder(URI.create(url))
                            .timeout(Duration.ofSeconds(3))
                            .GET()
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200
                    && (expected == null || response.body().contains(expected));
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            return false;
        }
    }

    /** Spring Boot health: 200 with status UP. */
    static boolean actuator(String url) {
        return http(url, "\"UP\"");
    }

    /** The PostgreSQL server answers and every database in {@code databases} exists. */
    static boolean postgres(int port, Collection<String> databases) {
        if (!Processes.listening(port)) {
            return false;
        }
        Properties properties = new Properties();
        properties.setProperty("user", "postgres");
        properties.setProperty("password", "postgres");
        properties.setProperty("connectTimeout", "2");
        properties.setProperty("socketTimeout", "5");
        try (Connection connection =
                        DriverManager.getConnection("jdbc:postgresql://localhost:" + port + "/postgres", properties);
                PreparedStatement statement =
                        connection.prepareStatement("select count(*) from pg_database where datname = any(?)")) {
            statement.setArray(1, connection.createArrayOf("text", databases.toArray()));
            try (ResultSet rs = statement.executeQuery()) {
                return rs.next() && rs.getInt(1) == databases.size();
            }
        } catch (Exception e) {
            return false;
        }
    }

    /** The broker answers a describe-cluster with at least one node. */
    static boolean kafka(String bootstrap, int port) {
        if (port > 0 && !Processes.listening(port)) {
            return false;
        }
        Properties properties = new Properties();
        properties.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        properties.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 3000);
        properties.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 3000);
        properties.put(AdminClientConfig.CLIENT_ID_CONFIG, "egov-devstack-health");
        try (Admin admin = Admin.create(properties)) {
            return !admin.describeCluster(new DescribeClusterOptions().timeoutMs(3000))
                    .nodes()
                    .get(4, TimeUnit.SECONDS)
                    .isEmpty();
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            return false;
        }
    }
}
