package vn.egov.portal.attachment;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.egov.platform.web.ApiProblem;
import vn.egov.platform.web.FieldProblem;
import vn.egov.portal.catalogue.Procedure;
import vn.egov.portal.catalogue.Procedures;
import vn.egov.portal.dossier.Applicants;
import vn.egov.portal.dossier.Dossier;
import vn.egov.portal.dossier.DossierStatus;
import vn.egov.portal.dossier.Dossiers;

/**
 * Đính kèm thành phần hồ sơ: a citizen attaches a file to their own dossier while it is a draft (or while a
 * supplement is requested). The type is sniffed from the content, the size is bounded, the SHA-256 is recorded.
 */
@EnableConfigurationProperties(AttachmentProperties.class)
@Service
public class AttachFiles {

    private final Dossiers dossiers;
    private final Procedures procedures;
    private final Attachments attachments;
    private final AttachmentProperties properties;
    private final Clock clock;

    public AttachFiles(
            Dossiers dossiers,
            Procedures procedures,
            Attachments attachments,
            AttachmentProperties properties,
            Clock clock) {
        this.dossiers = dossiers;
        this.procedures = procedures;
        this.attachments = attachments;
        this.properties = properties;
        this.clock = clock;
    }

    /** A file as received. */
    public record Upload(String documentCode, String fileName, long size, byte[] content) {}

    @Transactional
    public Attachment attach(UUID dossierId, String pid, Upload upload) {
        Dossier dossier = Applicants.own(dossiers.lock(dossierId).orElse(null), pid);
        requireChangeable(dossier);
        Procedure procedure = procedures
                .find(dossier.procedureCode())
                .orElseThrow(() -> Procedures.notFound(dossier.procedureCode()));
        if (upload.documentCode() == null || !procedure.hasDocument(upload.documentCode())) {
            throw new ApiProblem(
                    HttpStatus.UNPROCESSABLE_CONTENT,
                    "unknown-document",
                    "Thủ tục không có thành phần hồ sơ này.",
                    List.of(new FieldProblem(
                            "documentCode",
                            "Mã thành phần hồ sơ '" + upload.documentCode() + "' không có trong thủ tục "
                                    + procedure.code() + ".")));
        }
        long max = properties.maxSize().toBytes();
        if (upload.size() > max || upload.content().length > max) {
            throw new ApiProblem(
                    HttpStatus.CONTENT_TOO_LARGE,
                    "file-too-large",
                    "Tệp vượt quá dung lượng cho phép.",
                    List.of(new FieldProblem(
                            "file", "Tệp lớn hơn " + properties.maxSize().toMegabytes() + " MB cho phép.")));
        }
        if (upload.content().length == 0) {
            throw new ApiProblem(
                    HttpStatus.BAD_REQUEST,
                    "empty-file",
                    "Tệp rỗng.",
                    List.of(new FieldProblem("file", "Tệp không có nội dung.")));
        }
        FileType type = FileType.sniff(upload.content())
                .orElseThrow(() -> new ApiProblem(
                        HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                        "unsupported-file-type",
                        "Chỉ chấp nhận tệp PDF, JPEG hoặc PNG.",
                        List.of(new FieldProblem(
                                "file", "Nội dung tệp không phải PDF, JPEG hoặc PNG (kiểm tra theo nội dung tệp)."))));
        if (attachments.count(dossierId) >= properties.maxPerDossier()) {
            throw new ApiProblem(
                    HttpStatus.CONFLICT,
                    "too-many-files",
                    "Hồ sơ đã có tối đa " + properties.maxPerDossier() + " tệp.",
                    List.of(new FieldProblem("file", "Đã đạt số tệp tối đa của một hồ sơ.")));
        }
        Attachment attachment = new Attachment(
                UUID.randomUUID(),
                dossierId,
                upload.documentCode(),
                fileName(upload.fileName(), type),
                type.mediaType(),
                upload.content().length,
                sha256(upload.content()),
                pid,
                clock.instant());
        attachments.insert(attachment, upload.content());
        return attachment;
    }

    @Transactional(readOnly = true)
    public List<Attachment> list(UUID dossierId, String pid) {
        Applicants.own(dossiers, dossierId, pid);
        return attachments.of(dossierId);
    }

    /** A file with its content. */
    public record Download(Attachment attachment, byte[] content) {}

    @Transactional(readOnly = true)
    public Download download(UUID dossierId, UUID attachmentId, String pid) {
        Applicants.own(dossiers, dossierId, pid);
        Attachment attachment = attachments.find(dossierId, attachmentId).orElseThrow(AttachFiles::notFound);
        return new Download(attachment, attachments.content(attachmentId));
    }

    @Transactional
    public void remove(UUID dossierId, UUID attachmentId, String pid) {
        Dossier dossier = Applicants.own(dossiers.lock(dossierId).orElse(null), pid);
        requireChangeable(dossier);
        if (!attachments.delete(dossierId, attachmentId)) {
            throw notFound();
        }
    }

    private static void requireChangeable(Dossier dossier) {
        if (!dossier.isDraft() && dossier.status() != DossierStatus.SUPPLEMENT_REQUESTED) {
            throw new ApiProblem(
                    HttpStatus.CONFLICT,
                    "dossier-not-editable",
                    "Hồ sơ đã nộp không thể thay đổi tệp đính kèm (trừ khi được yêu cầu bổ sung).");
        }
    }

    private static ApiProblem notFound() {
        return new ApiProblem(HttpStatus.NOT_FOUND, "attachment-not-found", "Không tìm thấy tệp đính kèm.");
    }

    static String fileName(String original, FileType type) {
        String name = original == null ? "" : original.replace('\\', '/');
        name = name.substring(name.lastIndexOf('/') + 1)
                .replaceAll("[\\p{Cntrl}\"]", "")
                .strip();
        if (name.isEmpty()) {
            name = "tep." + type.name().toLowerCase(java.util.Locale.ROOT);
        }
        return name.length() > 200 ? name.substring(name.length() - 200) : name;
    }

    static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
