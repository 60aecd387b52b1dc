package vn.egov.interchange.pki;

import java.util.Arrays;
import java.util.Optional;

/**
 * Lý do thu hồi chứng thư số — the RFC 5280 CRLReason codes an administrator may give when revoking an agency's
 * certificate (no certificateHold: a revocation is final; no CA-compromise codes: agency certificates only).
 */
public enum RevocationReason {
    unspecified(0),
    keyCompromise(1),
    affiliationChanged(3),
    superseded(4),
    cessationOfOperation(5),
    privilegeWithdrawn(9);

    private final int code;

    RevocationReason(int code) {
        this.code = code;
    }

    /** The RFC 5280 CRLReason value. */
    public int code() {
        return code;
    }

    public static RevocationReason ofCode(int code) {
        return Arrays.stream(values())
                .filter(r -> r.code == code)
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("CRLReason " + code));
    }

    public static Optional<RevocationReason> named(String name) {
        return Arrays.stream(values()).filter(r -> r.name().equals(name)).findFirst();
    }
}
