package vn.egov.interchange.pki;

import java.math.BigInteger;
import java.time.Instant;

/** Một chứng thư số bị thu hồi — a revoked certificate of the development CA: serial, reason, time, who revoked it. */
public record Revocation(
        BigInteger serialNumber,
        RevocationReason reason,
        Instant revokedAt,
        String revokedBy,
        String subject,
        String agencyCode) {

    /** The serial number as the API and the tables write it: lower-case hexadecimal. */
    public String serialHex() {
        return hex(serialNumber);
    }

    public static String hex(BigInteger serial) {
        return serial.toString(16);
    }
}
