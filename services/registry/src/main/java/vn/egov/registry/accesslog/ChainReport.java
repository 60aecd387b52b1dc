package vn.egov.registry.accesslog;

import java.time.Instant;
import java.util.List;

/**
 * The auditor's answer: whether every hash chain of the access log is intact, how many entries were checked and,
 * when one is not, the first broken link (chain, last good entry, first bad one) with the reason. When the auditor
 * gave anchors (signed checkpoints kept outside the database), {@code anchorsChecked} counts the chain heads compared
 * and {@code checkpoint} names the checkpoint whose anchor the log no longer agrees with ({@code anchor-mismatch});
 * {@code timestamps} tells, per checkpoint given, whether an RFC 3161 time-stamp vouches for its time and which.
 */
public record ChainReport(
        boolean intact,
        long entriesVerified,
        int chains,
        Integer chain,
        Long lastGoodSeq,
        Long firstBrokenSeq,
        String problem,
        String detail,
        int anchorsChecked,
        Long checkpoint,
        List<Timestamp> timestamps) {

    /**
     * Dấu thời gian của một điểm kiểm tra: {@code status} is {@code verified} (the token is over the checkpoint's
     * hash and signed by the configured TSA; {@code time} is the time it states, {@code authority} the TSA's
     * certificate subject), {@code not-timestamped} (the checkpoint carries no token) or {@code tsa-certificate-unknown}
     * (the registry has no TSA certificate configured to check it against).
     */
    public record Timestamp(long checkpoint, String status, Instant time, String authority) {}

    /** The same report with the checkpoints' time-stamps. */
    public ChainReport withTimestamps(List<Timestamp> timestamps) {
        return new ChainReport(
                intact,
                entriesVerified,
                chains,
                chain,
                lastGoodSeq,
                firstBrokenSeq,
                problem,
                detail,
                anchorsChecked,
                checkpoint,
                timestamps);
    }

    static ChainReport intact(long entries, int chains, int anchors) {
        return new ChainReport(true, entries, chains, null, null, null, null, null, anchors, null, null);
    }

    static ChainReport broken(int chain, long entries, long lastGood, long firstBroken, String problem, String detail) {
        return new ChainReport(
                false, entries, AccessLog.CHAINS, chain, lastGood, firstBroken, problem, detail, 0, null, null);
    }

    static ChainReport anchorMismatch(
            int chain, long entries, long lastGood, long firstBroken, int anchors, long checkpoint, String detail) {
        return new ChainReport(
                false,
                entries,
                AccessLog.CHAINS,
                chain,
                lastGood,
                firstBroken,
                "anchor-mismatch",
                detail,
                anchors,
                checkpoint,
                null);
    }
}
