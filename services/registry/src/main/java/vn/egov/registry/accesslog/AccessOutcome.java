package vn.egov.registry.accesslog;

/** How the access ended. */
public enum AccessOutcome {
    GRANTED,
    DENIED,
    NOT_FOUND,
    MATCH,
    NO_MATCH
}
