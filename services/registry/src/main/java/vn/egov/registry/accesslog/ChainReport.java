package vn.egov.registry.accesslog;

/**
 * The auditor's answer: whether the access log's hash chain is intact, how many entries were checked and, when it
 * is not, the first broken link (the last good entry and the first bad one) with the reason.
 */
public record ChainReport(
        boolean intact,
        long entriesVerified,
        String headHash,
        Long lastGoodSeq,
        Long firstBrokenSeq,
        String problem,
        String detail) {

    static ChainReport intact(long entries, String headHash) {
        return new ChainReport(true, entries, headHash, null, null, null, null);
    }

    static ChainReport broken(long lastGood, long firstBroken, String problem, String detail) {
        return new ChainReport(false, lastGood, null, lastGood, firstBroken, problem, detail);
    }
}
