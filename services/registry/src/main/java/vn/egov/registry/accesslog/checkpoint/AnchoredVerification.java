package vn.egov.registry.accesslog.checkpoint;

import java.io.IOException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.tsp.TSPException;
import org.bouncycastle.tsp.TimeStampToken;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import vn.egov.platform.web.ApiProblem;
import vn.egov.platform.web.FieldProblem;
import vn.egov.registry.accesslog.AccessLog;
import vn.egov.registry.accesslog.Anchor;
import vn.egov.registry.accesslog.ChainReport;

/**
 * Kiểm tra nhật ký theo điểm neo — verification of the access log against checkpoints the auditor obtained outside
 * the database (from the Kafka topic, a file copy, another organisation). Each checkpoint must be well formed and
 * carry a valid signature by one of the registry's published checkpoint keys, else the request is refused and
 * nothing is checked; then every chain is recomputed and, at each anchored sequence, must hold exactly the anchored
 * hash. The report names the first broken link or the first anchor the log disagrees with, and tells for each
 * checkpoint whether an RFC 3161 time-stamp vouches for it (a token over another text, or not signed by the configured
 * TSA, is refused like a bad signature).
 */
@Component
public class AnchoredVerification {

    /** At most this many checkpoints per request (the latest one already anchors every chain). */
    static final int MAX_CHECKPOINTS = 1000;

    private static final Pattern HEX64 = Pattern.compile("[0-9a-f]{64}");

    private final AccessLog accessLog;
    private final CheckpointKeys keys;
    private final TimestampClient tsa;

    public AnchoredVerification(AccessLog accessLog, CheckpointKeys keys, TimestampClient tsa) {
        this.accessLog = accessLog;
        this.keys = keys;
        this.tsa = tsa;
    }

    public ChainReport verify(List<Checkpoint> checkpoints) {
        if (checkpoints == null || checkpoints.isEmpty()) {
            throw ApiProblem.badField(
                    "invalid", "checkpoints", "Cần ít nhất một điểm kiểm tra đã ký để đối chiếu nhật ký.");
        }
        if (checkpoints.size() > MAX_CHECKPOINTS) {
            throw ApiProblem.badField(
                    "invalid",
                    "checkpoints",
                    "Tối đa " + MAX_CHECKPOINTS + " điểm kiểm tra mỗi lần (điểm mới nhất đã neo mọi chuỗi).");
        }
        List<FieldProblem> malformed = new ArrayList<>();
        for (int i = 0; i < checkpoints.size(); i++) {
            malformed.addAll(wellFormed("checkpoints[" + i + "]", checkpoints.get(i)));
        }
        if (!malformed.isEmpty()) {
            throw new ApiProblem(HttpStatus.BAD_REQUEST, "invalid", "Điểm kiểm tra không đúng định dạng.", malformed);
        }
        List<FieldProblem> forged = new ArrayList<>();
        for (int i = 0; i < checkpoints.size(); i++) {
            Checkpoint c = checkpoints.get(i);
            String at = "checkpoints[" + i + "]";
            if (!keys.knows(c.keyId())) {
                forged.add(new FieldProblem(
                        at + ".keyId",
                        "Khóa " + c.keyId() + " không phải khóa ký điểm kiểm tra của CSDL dân cư (xem"
                                + " /api/registry/access-log/checkpoint-key)."));
            } else if (!keys.verify(
                    c.keyId(), c.canonical(), Base64.getDecoder().decode(c.signature()))) {
                forged.add(new FieldProblem(
                        at + ".signature",
                        "Chữ ký không khớp nội dung điểm kiểm tra số " + c.number()
                                + ": điểm kiểm tra bị sửa hoặc không do CSDL dân cư ký."));
            } else if (c.hash() != null && !c.hash().equals(c.computedHash())) {
                forged.add(new FieldProblem(
                        at + ".hash", "Trường hash không phải SHA-256 của nội dung đã ký của điểm kiểm tra."));
            }
        }
        List<ChainReport.Timestamp> timestamps = new ArrayList<>();
        boolean signed = forged.isEmpty();
        for (int i = 0; i < checkpoints.size() && signed; i++) {
            timestamps.add(timestamp("checkpoints[" + i + "]", checkpoints.get(i), forged));
        }
        if (!forged.isEmpty()) {
            throw new ApiProblem(
                    HttpStatus.UNPROCESSABLE_CONTENT,
                    "checkpoint-signature-invalid",
                    "Có điểm kiểm tra không có chữ ký hợp lệ của CSDL dân cư; không đối chiếu được nhật ký.",
                    forged);
        }
        List<Anchor> anchors = new ArrayList<>();
        for (Checkpoint c : checkpoints) {
            for (Checkpoint.Head head : c.heads()) {
                anchors.add(new Anchor(head.chain(), head.seq(), HexFormat.of().parseHex(head.hash()), c.number()));
            }
        }
        return accessLog.verify(anchors).withTimestamps(timestamps);
    }

    /**
     * Checks a checkpoint's RFC 3161 token: its imprint must be SHA-256 of the checkpoint's signed text and its
     * signature valid by the configured TSA certificate; a token that fails either is a forgery (added to {@code
     * forged}); a valid one reports the time it states.
     */
    private ChainReport.Timestamp timestamp(String at, Checkpoint c, List<FieldProblem> forged) {
        if (c.timestampToken() == null) {
            return new ChainReport.Timestamp(c.number(), "not-timestamped", null, null);
        }
        TimeStampToken token;
        try {
            token = new TimeStampToken(new CMSSignedData(Base64.getDecoder().decode(c.timestampToken())));
        } catch (IllegalArgumentException | CMSException | TSPException | IOException e) {
            forged.add(new FieldProblem(at + ".timestampToken", "Không đọc được dấu thời gian RFC 3161 (base64 DER)."));
            return null;
        }
        var info = token.getTimeStampInfo();
        if (!NISTObjectIdentifiers.id_sha256.equals(info.getMessageImprintAlgOID())
                || !MessageDigest.isEqual(info.getMessageImprintDigest(), Checkpoint.sha256(c.canonical()))) {
            forged.add(new FieldProblem(
                    at + ".timestampToken",
                    "Dấu thời gian không cấp cho điểm kiểm tra số " + c.number()
                            + ": giá trị băm trong dấu thời gian khác SHA-256 của nội dung đã ký."));
            return null;
        }
        var certificate = tsa.certificate();
        if (certificate.isEmpty()) {
            return new ChainReport.Timestamp(
                    c.number(), "tsa-certificate-unknown", info.getGenTime().toInstant(), null);
        }
        try {
            token.validate(new JcaSimpleSignerInfoVerifierBuilder().build(certificate.get()));
        } catch (TSPException | OperatorCreationException | RuntimeException e) {
            forged.add(new FieldProblem(
                    at + ".timestampToken",
                    "Chữ ký của dấu thời gian trên điểm kiểm tra số " + c.number()
                            + " không hợp lệ với chứng thư của đơn vị cấp dấu thời gian đã cấu hình."));
            return null;
        }
        return new ChainReport.Timestamp(
                c.number(),
                "verified",
                info.getGenTime().toInstant(),
                certificate.get().getSubjectX500Principal().getName());
    }

    private static List<FieldProblem> wellFormed(String at, Checkpoint c) {
        List<FieldProblem> problems = new ArrayList<>();
        if (c == null) {
            return List.of(new FieldProblem(at, "Thiếu điểm kiểm tra."));
        }
        if (c.number() == null || c.number() < 1) {
            problems.add(new FieldProblem(at + ".number", "Số thứ tự điểm kiểm tra phải từ 1."));
        }
        if (c.createdAt() == null) {
            problems.add(new FieldProblem(at + ".createdAt", "Thiếu thời điểm lập điểm kiểm tra."));
        }
        if (c.previousHash() == null || !HEX64.matcher(c.previousHash()).matches()) {
            problems.add(new FieldProblem(at + ".previousHash", "Phải là 64 chữ số hex viết thường (SHA-256)."));
        }
        if (c.hash() != null && !HEX64.matcher(c.hash()).matches()) {
            problems.add(new FieldProblem(at + ".hash", "Phải là 64 chữ số hex viết thường (SHA-256)."));
        }
        if (c.algorithm() != null && !Checkpoint.ALGORITHM.equals(c.algorithm())) {
            problems.add(new FieldProblem(at + ".algorithm", "Chỉ hỗ trợ " + Checkpoint.ALGORITHM + "."));
        }
        if (c.keyId() == null) {
            problems.add(new FieldProblem(at + ".keyId", "Thiếu mã khóa ký."));
        }
        if (c.signature() == null || !validSignatureEncoding(c.signature())) {
            problems.add(new FieldProblem(at + ".signature", "Phải là chữ ký Ed25519 64 byte mã hóa base64."));
        }
        if (c.heads() == null) {
            problems.add(new FieldProblem(at + ".heads", "Thiếu danh sách đầu chuỗi."));
            return problems;
        }
        Set<Integer> chains = new HashSet<>();
        for (int j = 0; j < c.heads().size(); j++) {
            Checkpoint.Head h = c.heads().get(j);
            String hat = at + ".heads[" + j + "]";
            if (h == null) {
                problems.add(new FieldProblem(hat, "Thiếu đầu chuỗi."));
                continue;
            }
            if (h.chain() == null || h.chain() < 0 || h.chain() >= 256) {
                problems.add(new FieldProblem(hat + ".chain", "Số chuỗi từ 0 đến 255."));
            } else if (!chains.add(h.chain())) {
                problems.add(new FieldProblem(hat + ".chain", "Chuỗi " + h.chain() + " xuất hiện hai lần."));
            }
            if (h.seq() == null || h.seq() < 1) {
                problems.add(new FieldProblem(hat + ".seq", "Số thứ tự bản ghi phải từ 1."));
            }
            if (h.hash() == null || !HEX64.matcher(h.hash()).matches()) {
                problems.add(new FieldProblem(hat + ".hash", "Phải là 64 chữ số hex viết thường (SHA-256)."));
            }
        }
        return problems;
    }

    private static boolean validSignatureEncoding(String signature) {
        try {
            return Base64.getDecoder().decode(signature).length == 64;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
