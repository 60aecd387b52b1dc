package vn.egov.interchange.edxml;

/** A package the axis cannot read: not well-formed, forbidden constructs, schema violations, too large. */
public class EdxmlException extends RuntimeException {

    /** What went wrong, so the web layer can answer precisely. */
    public enum Kind {
        /** Not well-formed XML. */
        MALFORMED,
        /** A DOCTYPE, entity declaration or external reference. */
        FORBIDDEN_CONSTRUCT,
        /** Does not validate against the XSD, or a value is out of range. */
        INVALID,
        /** Over a size limit (package, attachment, count, depth). */
        TOO_LARGE,
        /** Manifest and attachments disagree. */
        MANIFEST
    }

    private final Kind kind;
    private final String field;

    public EdxmlException(Kind kind, String field, String message) {
        super(message);
        this.kind = kind;
        this.field = field;
    }

    public Kind kind() {
        return kind;
    }

    public String field() {
        return field;
    }
}
