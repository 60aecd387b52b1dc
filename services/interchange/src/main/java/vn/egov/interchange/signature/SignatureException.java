package vn.egov.interchange.signature;

/** Why a package's XML-DSig signature was refused. */
public class SignatureException extends RuntimeException {

    /** The refusal, so the web layer can answer with a precise problem code. */
    public enum Kind {
        /** No ds:Signature where the edXML header expects it. */
        MISSING,
        /** The signature or a digest does not verify. */
        INVALID,
        /** The signature does not cover the whole package (other reference, transform or place). */
        SCOPE,
        /** The certificate in KeyInfo is not the one registered for the sending agency. */
        CERTIFICATE_MISMATCH
    }

    private final Kind kind;

    public SignatureException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
