package vn.egov.devstack;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** One database and one owner role per component (name = role = password), created idempotently over JDBC. */
final class Databases {

    /** The databases of the conventions, in the order they are created. */
    static final List<String> NAMES = List.of("portal", "interchange", "registry", "reporting", "gateway", "keycloak");

    private static final Pattern IDENTIFIER = Pattern.compile("[a-z][a-z0-9_]{0,62}");

    private Databases() {}

    /** Creates what is missing; returns the names of what was created ("role x", "database x"). */
    static List<String> ensure(Connection superuser, List<String> names) throws SQLException {
        List<String> created = new ArrayList<>();
        for (String name : names) {
            if (!IDENTIFIER.matcher(name).matches()) {
                throw new IllegalArgumentException("not a plain identifier: " + name);
            }
            if (!exists(superuser, "select 1 from pg_roles where rolname = ?", name)) {
                try (Statement statement = superuser.createStatement()) {
                    statement.execute("create role \"" + name + "\" login password '" + name + "'");
                }
                created.add("role " + name);
            }
            if (!exists(superuser, "select 1 from pg_database where datname = ?", name)) {
                try (Statement statement = superuser.createStatement()) {
                    statement.execute("create database \"" + name + "\" owner \"" + name + "\" encoding 'UTF8'");
                }
                created.add("database " + name);
            }
        }
        return created;
    }

    private static boolean exists(Connection connection, String sql, String name) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, name);
            try (ResultSet rs = statement.executeQuery()) {
                return rs.next();
            }
        }
    }
}
