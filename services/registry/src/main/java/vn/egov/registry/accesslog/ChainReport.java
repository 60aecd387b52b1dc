package vn.egov.registry.accesslog;

/**
 * The auditor's answer: whether every hash chain of the access log is intact, how many entries were checked and,
 * when one is not, the first broken link (chain, last good entry, first bad one) with the reason. When the auditor
 * gave anchors (signed checkpoints kept outside the database), {@code anchorsChecked} counts the chain heads compared
 * and {@code checkpoint} names the checkpoint whose anchor the log no longer agrees with ({@code anchor-mismatch}).
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
        Long checkpoint) {

    static ChainReport intact(long entries, int chains, int anchors) {
        return new ChainReport(true, entries, chains, null, null, null, null, null, anchors, null);
    }

    static ChainReport broken(int chain, long entries, long lastGood, long firstBroken, String problem, String detail) {
        return new ChainReport(
                false, entries, AccessLog.CHAINS, chain, lastGood, firstBroken, problem, detail, 0, null);
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
                checkpoint);
    }
}
