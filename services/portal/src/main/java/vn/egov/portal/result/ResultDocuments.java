package vn.egov.portal.result;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import vn.egov.platform.web.ApiProblem;
import vn.egov.portal.dossier.Dossier;

/**
 * Kết quả giải quyết thủ tục hành chính điện tử: the e-result document a done dossier ends with — dossier code,
 * procedure, agency, applicant, decision text and date — signed by the competent agency with its key and kept byte
 * for byte. Reading it verifies the signature again against the agency's certificate.
 */
@Repository
public class ResultDocuments {

    /** The namespace of the e-result document. */
    public static final String NS = "urn:egov:portal:e-result:1";

    private final JdbcClient jdbc;
    private final AgencyKeys keys;
    private final ResultSignatures signatures;

    public ResultDocuments(JdbcClient jdbc, AgencyKeys keys, ResultSignatures signatures) {
        this.jdbc = jdbc;
        this.keys = keys;
        this.signatures = signatures;
    }

    /** A stored e-result. */
    public record StoredResult(
            UUID dossierId,
            byte[] document,
            String sha256,
            String signingAlias,
            String certificateSha256,
            String decision,
            LocalDate issuedOn,
            String signedBy,
            Instant signedAt) {}

    /** A stored e-result with the outcome of verifying its signature now. */
    public record VerifiedResult(StoredResult result, ResultSignatures.Verification verification, String signer) {}

    /**
     * Builds, signs and stores the e-result of a dossier in the caller's transaction.
     *
     * @throws ApiProblem 409 {@code no-signing-key} when the agency has no signing key
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public StoredResult issue(
            Dossier dossier,
            String procedureName,
            String agencyName,
            String decision,
            String signedBy,
            Instant at,
            LocalDate issuedOn) {
        AgencyKeys.SigningKey key = keys.forAgency(dossier.agencyCode())
                .orElseThrow(() -> new ApiProblem(
                        HttpStatus.CONFLICT,
                        "no-signing-key",
                        "Cơ quan " + dossier.agencyCode()
                                + " chưa có khóa ký số cho kết quả điện tử; không thể hoàn thành hồ sơ."));
        Document document = document(
                dossier.code(),
                dossier.procedureCode(),
                procedureName,
                dossier.agencyCode(),
                agencyName,
                dossier.applicantName(),
                decision,
                issuedOn,
                signedBy);
        byte[] signed = signatures.sign(document, key.key(), key.certificate());
        StoredResult result = new StoredResult(
                dossier.id(),
                signed,
                sha256(signed),
                key.alias(),
                fingerprint(key.certificate()),
                decision,
                issuedOn,
                signedBy,
                at);
        jdbc.sql("""
                        insert into dossier_result (dossier_id, document, sha256, signing_alias, certificate_sha256,
                          decision, issued_on, signed_by, signed_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(
                        result.dossierId(),
                        result.document(),
                        result.sha256(),
                        result.signingAlias(),
                        result.certificateSha256(),
                        result.decision(),
                        result.issuedOn(),
                        result.signedBy(),
                        Timestamp.from(result.signedAt()))
                .update();
        return result;
    }

    /** The unsigned e-result document ({@value #NS}). */
    static Document document(
            String dossierCode,
            String procedureCode,
            String procedureName,
            String agencyCode,
            String agencyName,
            String applicantName,
            String decision,
            LocalDate issuedOn,
            String signedBy) {
        Document document = ResultSignatures.newDocument();
        Element root = document.createElementNS(NS, "EResult");
        // declared explicitly so the canonical form signed is the one a parser of the stored bytes sees
        root.setAttributeNS("http://www.w3.org/2000/xmlns/", "xmlns", NS);
        document.appendChild(root);
        add(root, "DossierCode", dossierCode);
        add(root, "ProcedureCode", procedureCode);
        add(root, "ProcedureName", procedureName);
        add(root, "AgencyCode", agencyCode);
        add(root, "AgencyName", agencyName);
        if (applicantName != null) {
            add(root, "ApplicantName", applicantName);
        }
        add(root, "Decision", decision);
        add(root, "IssuedOn", issuedOn.toString());
        add(root, "SignedBy", signedBy);
        return document;
    }

    /** The stored result of a dossier with its signature verified against the agency's certificate now. */
    public Optional<VerifiedResult> read(UUID dossierId) {
        return find(dossierId).map(this::verify);
    }

    public Optional<StoredResult> find(UUID dossierId) {
        return jdbc.sql("""
                        select dossier_id, document, sha256, signing_alias, certificate_sha256, decision, issued_on,
                          signed_by, signed_at
                        from dossier_result where dossier_id = ?""")
                .param(dossierId)
                .query((rs, n) -> new StoredResult(
                        rs.getObject(1, UUID.class),
                        rs.getBytes(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getString(6),
                        rs.getObject(7, LocalDate.class),
                        rs.getString(8),
                        rs.getTimestamp(9).toInstant()))
                .optional();
    }

    private VerifiedResult verify(StoredResult result) {
        Optional<AgencyKeys.SigningKey> key = keys.byAlias(result.signingAlias());
        if (key.isEmpty()) {
            return new VerifiedResult(
                    result,
                    new ResultSignatures.Verification(
                            false, "Chứng thư số đã ký văn bản không còn trong kho khóa của cơ quan."),
                    null);
        }
        X509Certificate certificate = key.get().certificate();
        String signer = certificate.getSubjectX500Principal().getName();
        if (!fingerprint(certificate).equals(result.certificateSha256())) {
            return new VerifiedResult(
                    result,
                    new ResultSignatures.Verification(
                            false, "Khóa ký của cơ quan đã được thay; văn bản được ký bằng chứng thư trước đó."),
                    signer);
        }
        return new VerifiedResult(result, signatures.verify(result.document(), certificate), signer);
    }

    private static void add(Element parent, String name, String text) {
        Element child = parent.getOwnerDocument().createElementNS(NS, name);
        child.setTextContent(text);
        parent.appendChild(child);
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static String fingerprint(X509Certificate certificate) {
        try {
            return sha256(certificate.getEncoded());
        } catch (CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The signed document as text (UTF-8). */
    public static String text(StoredResult result) {
        return new String(result.document(), StandardCharsets.UTF_8);
    }
}
