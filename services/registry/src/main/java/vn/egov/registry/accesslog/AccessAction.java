package vn.egov.registry.accesslog;

/** What was done with the data: a read under a purpose, the citizen's own read, a verification, an officer's read. */
public enum AccessAction {
    READ,
    READ_OWN,
    VERIFY,
    RECORD
}
