package vn.egov.interchange.pki;

import java.time.Instant;

/**
 * Why a certificate is not trusted now: no chain to an anchor, revoked, its revocation status is unknown, or it is not
 * a certificate for signing.
 */
public class CertificateTrustException extends RuntimeException {

    public enum Kind {
        /** Does not chain to a configured trust anchor. */
        UNTRUSTED,
        /** Revoked by its CA. */
        REVOKED,
        /** Neither the OCSP responder nor the CRL could tell (hard-fail). */
        UNDETERMINED,
        /** Not a certificate for signing: a CA certificate, or its key usage allows neither signatures nor non-repudiation. */
        NOT_FOR_SIGNING
    }

    private final Kind kind;
    private final Instant revokedAt;
    private final String reason;

    public CertificateTrustException(Kind kind, String message) {
        this(kind, message, null, null);
    }

    public CertificateTrustException(Kind kind, String message, Instant revokedAt, String reason) {
        super(message);
        this.kind = kind;
        this.revokedAt = revokedAt;
        this.reason = reason;
    }

    /** Revoked at {@code at}; {@code reason} is the RFC 5280 CRLReason name (keyCompromise, superseded, …). */
    public static CertificateTrustException revoked(Instant at, String reason) {
        String why = reason == null ? "unspecified" : reason;
        return new CertificateTrustException(
                Kind.REVOKED, "Chứng thư số đã bị thu hồi lúc " + at + " (lý do: " + why + ").", at, why);
    }

    public Kind kind() {
        return kind;
    }

    /** When it was revoked ({@link Kind#REVOKED} only). */
    public Instant revokedAt() {
        return revokedAt;
    }

    public String reason() {
        return reason;
    }
}
