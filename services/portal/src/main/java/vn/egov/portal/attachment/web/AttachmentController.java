package vn.egov.portal.attachment.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import vn.egov.platform.security.Caller;
import vn.egov.portal.attachment.AttachFiles;
import vn.egov.portal.attachment.Attachment;
import vn.egov.portal.dossier.Applicants;

/** Files of a citizen's own dossier: {@code multipart/form-data} upload ({@code file}, {@code documentCode}). */
@RestController
@PreAuthorize("hasRole('citizen')")
class AttachmentController {

    private final AttachFiles files;

    AttachmentController(AttachFiles files) {
        this.files = files;
    }

    @PostMapping(path = "/api/portal/dossiers/{id}/attachments", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<Attachment> upload(
            Caller caller,
            @PathVariable UUID id,
            @RequestParam(required = false) String documentCode,
            @RequestPart("file") MultipartFile file) {
        byte[] content;
        try {
            content = file.getBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Attachment a = files.attach(
                id,
                Applicants.pid(caller),
                new AttachFiles.Upload(documentCode, file.getOriginalFilename(), file.getSize(), content));
        return ResponseEntity.created(URI.create("/api/portal/dossiers/" + id + "/attachments/" + a.id()))
                .body(a);
    }

    @GetMapping("/api/portal/dossiers/{id}/attachments")
    List<Attachment> list(Caller caller, @PathVariable UUID id) {
        return files.list(id, Applicants.pid(caller));
    }

    @GetMapping("/api/portal/dossiers/{id}/attachments/{attachmentId}")
    ResponseEntity<byte[]> download(Caller caller, @PathVariable UUID id, @PathVariable UUID attachmentId) {
        AttachFiles.Download d = files.download(id, attachmentId, Applicants.pid(caller));
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(d.attachment().contentType()))
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename(d.attachment().fileName(), StandardCharsets.UTF_8)
                                .build()
                                .toString())
                .header("Digest", "sha-256=" + d.attachment().sha256())
                .body(d.content());
    }

    @DeleteMapping("/api/portal/dossiers/{id}/attachments/{attachmentId}")
    ResponseEntity<Void> delete(Caller caller, @PathVariable UUID id, @PathVariable UUID attachmentId) {
        files.remove(id, attachmentId, Applicants.pid(caller));
        return ResponseEntity.noContent().build();
    }
}
