package vn.egov.registry.testing;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.Set;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * A real PostgreSQL (zonky embedded binaries) shared by the tests of one JVM, with one fresh database per name.
 */
public final class RegistryPostgres {

    private static EmbeddedPostgres server;
    private static final Set<String> created = new HashSet<>();

    private RegistryPostgres() {}

    static synchronized EmbeddedPostgres server() {
        if (server == null) {
            try {
                server = EmbeddedPostgres.builder()
                        .setServerConfig("max_connections", "200")
                        .start();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    server.close();
                } catch (IOException ignored) {
                    // the JVM is going away
                }
            }));
        }
        return server;
    }

    /** The JDBC URL of database {@code name}, created empty on first use. */
    public static synchronized String url(String name) {
        EmbeddedPostgres pg = server();
        if (created.add(name)) {
            try (var connection = pg.getPostgresDatabase().getConnection();
                    var statement = connection.createStatement()) {
                statement.execute("drop database if exists " + name);
                statement.execute("create database " + name + " encoding 'UTF8' template template0");
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }
        return "jdbc:postgresql://localhost:" + pg.getPort() + "/" + name;
    }

    /** A pooled data source on a fresh database {@code name}, migrated with the registry's Flyway scripts. */
    public static DataSource migrated(String name) {
        HikariDataSource ds = new HikariDataSource();
        ds.setJdbcUrl(url(name));
        ds.setUsername("postgres");
        ds.setPassword("postgres");
        ds.setMaximumPoolSize(16);
        Flyway.configure()
                .dataSource(ds)
                .locations("classpath:db/platform", "classpath:db/migration")
                .load()
                .migrate();
        return ds;
    }
}
