package vn.egov.registry.accesslog;

/**
 * The auditor's answer: whether every hash chain of the access log is intact, how many entries were checked and,
 * when one is not, the first broken link (chain, last good entry, first bad one) with the reason.
 */
public record ChainReport(
        boolean intact,
        long entriesVerified,
        int chains,
        Integer chain,
        Long lastGoodSeq,
        Long firstBrokenSeq,
        String problem,
        String detail) {

    static ChainReport intact(long entries, int chains) {
        return new ChainReport(true, entries, chains, null, null, null, null, null);
    }

    static ChainReport broken(int chain, long entries, long lastGood, long firstBroken, String problem, String detail) {
        return new ChainReport(false, entries, AccessLog.CHAINS, chain, lastGood, firstBroken, problem, detail);
    }
}
