package vn.egov.interchange.messagelog;

import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.tsp.TimeStampToken;

/**
 * Checks an exported message log offline: every link's hash, every link's pointer to the previous one, consecutive
 * sequence numbers, and every checkpoint's RFC 3161 token (signature by the TSA certificate, digest equal to the
 * chain's hash at that point). Names the first broken link.
 */
public final class LogVerifier {

    private LogVerifier() {}

    /** The verdict: valid, how many entries and checkpoints were checked, and where it first breaks. */
    public record Result(boolean valid, int entries, int checkpoints, Long firstBrokenSeq, String reason) {}

    /**
     * @param previousHash the hash before the first entry ({@link LogEntry#GENESIS} for an export from the start)
     */
    public static Result verify(
            List<LogEntry> entries, List<Checkpoint> checkpoints, String previousHash, X509Certificate tsa) {
        String previous = previousHash;
        Long expectedSeq = entries.isEmpty() ? null : entries.getFirst().seq();
        for (LogEntry e : entries) {
            if (e.seq() != expectedSeq) {
                return broken(entries, checkpoints, e.seq(), "số thứ tự không liên tục (mong đợi " + expectedSeq + ")");
            }
            if (!e.prevHash().equals(previous)) {
                return broken(entries, checkpoints, e.seq(), "prevHash không khớp hash của mục trước");
            }
            if (!e.expectedHash().equals(e.hash())) {
                return broken(entries, checkpoints, e.seq(), "hash không khớp nội dung của mục (đã bị sửa)");
            }
            previous = e.hash();
            expectedSeq = e.seq() + 1;
        }
        Map<Long, LogEntry> bySeq = entries.stream().collect(Collectors.toMap(LogEntry::seq, Function.identity()));
        for (Checkpoint c : checkpoints) {
            LogEntry at = bySeq.get(c.seq());
            if (at == null || !at.hash().equals(c.hash())) {
                return broken(entries, checkpoints, c.seq(), "điểm kiểm tra không khớp hash của chuỗi tại mục này");
            }
            String problem = checkToken(c, tsa);
            if (problem != null) {
                return broken(entries, checkpoints, c.seq(), problem);
            }
        }
        return new Result(true, entries.size(), checkpoints.size(), null, null);
    }

    private static String checkToken(Checkpoint c, X509Certificate tsa) {
        try {
            TimeStampToken token = new TimeStampToken(new org.bouncycastle.cms.CMSSignedData(c.timestampToken()));
            token.validate(new JcaSimpleSignerInfoVerifierBuilder().build(tsa));
            byte[] imprint = token.getTimeStampInfo().getMessageImprintDigest();
            if (!Arrays.equals(imprint, HexFormat.of().parseHex(c.hash()))) {
                return "dấu thời gian không phải cho hash của điểm kiểm tra";
            }
            return null;
        } catch (Exception e) {
            return "dấu thời gian RFC 3161 không hợp lệ: " + e.getMessage();
        }
    }

    private static Result broken(List<LogEntry> entries, List<Checkpoint> checkpoints, long seq, String reason) {
        return new Result(false, entries.size(), checkpoints.size(), seq, "Mục " + seq + ": " + reason + ".");
    }
}
