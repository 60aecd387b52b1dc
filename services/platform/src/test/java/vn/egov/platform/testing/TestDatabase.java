package vn.egov.platform.testing;

/** A database created for one test class. */
public record TestDatabase(String name, String jdbcUrl, String username, String password) {}
