package vn.egov.interchange.messagelog;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import vn.egov.interchange.agency.Hashes;

/** One link of the message log: what was accepted, and the hash that chains it to the previous link. */
public record LogEntry(
        long seq,
        Instant recordedAt,
        String kind,
        String documentId,
        String actor,
        String statusCode,
        String contentSha256,
        String prevHash,
        String hash) {

    public static final String GENESIS = "0".repeat(64);

    static LogEntry chain(
            long seq,
            Instant at,
            String kind,
            String documentId,
            String actor,
            String statusCode,
            String contentSha256,
            String prevHash) {
        return new LogEntry(
                seq,
                at,
                kind,
                documentId,
                actor,
                statusCode,
                contentSha256,
                prevHash,
                hashOf(seq, at, kind, documentId, actor, statusCode, contentSha256, prevHash));
    }

    /** The hash this entry must have given its fields and its previous hash. */
    public String expectedHash() {
        return hashOf(seq, recordedAt, kind, documentId, actor, statusCode, contentSha256, prevHash);
    }

    static String hashOf(
            long seq,
            Instant at,
            String kind,
            String documentId,
            String actor,
            String statusCode,
            String contentSha256,
            String prevHash) {
        String line = seq + "\n" + at + "\n" + kind + "\n" + documentId + "\n" + actor + "\n"
                + (statusCode == null ? "" : statusCode) + "\n" + contentSha256 + "\n" + prevHash;
        return Hashes.sha256Hex(line.getBytes(StandardCharsets.UTF_8));
    }
}
