package vn.egov.interchange.sending;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import vn.egov.interchange.agency.Agencies;
import vn.egov.interchange.agency.Agency;
import vn.egov.interchange.agency.Hashes;
import vn.egov.interchange.agency.OrganisationCodeCheck;
import vn.egov.interchange.edxml.Edxml;
import vn.egov.interchange.edxml.EdxmlException;
import vn.egov.interchange.edxml.EdxmlPackage;
import vn.egov.interchange.edxml.EdxmlPackage.MessageHeader;
import vn.egov.interchange.events.DocumentEvents;
import vn.egov.interchange.events.DocumentSent;
import vn.egov.interchange.messagelog.MessageLog;
import vn.egov.interchange.push.PushDelivery;
import vn.egov.platform.security.Caller;
import vn.egov.platform.web.ApiProblem;
import vn.egov.platform.web.FieldProblem;

/**
 * Gửi văn bản — accepts a signed edXML package from the sending agency's system: checks the package, the sender and
 * its signature, stores the package exactly as received with its SHA-256, and creates one delivery per recipient, all
 * in one transaction with the {@code sent} event. A resend of the same DocumentId with the same content is
 * recognised and answered as before; with other content it is refused.
 */
@Service
public class SendPackage {

    private final Edxml edxml;
    private final AuthenticSender authenticSender;
    private final Agencies agencies;
    private final Documents documents;
    private final DocumentEvents events;
    private final MessageLog messageLog;
    private final Clock clock;
    private final TransactionTemplate tx;
    private final ApplicationEventPublisher publisher;

    public SendPackage(
            Edxml edxml,
            AuthenticSender authenticSender,
            Agencies agencies,
            Documents documents,
            DocumentEvents events,
            MessageLog messageLog,
            Clock clock,
            TransactionTemplate tx,
            ApplicationEventPublisher publisher) {
        this.edxml = edxml;
        this.authenticSender = authenticSender;
        this.agencies = agencies;
        this.documents = documents;
        this.events = events;
        this.messageLog = messageLog;
        this.clock = clock;
        this.tx = tx;
        this.publisher = publisher;
    }

    /** The answer to the sender. */
    public record Accepted(
            UUID id,
            String documentId,
            String packageSha256,
            List<Documents.Recipient> recipients,
            boolean duplicate) {}

    /**
     * Checks and accepts a package. Parsing, schema validation, the sender's identity and the signature are checked
     * before a transaction starts (they need no database connection but the directory reads), so a connection is
     * held only for the writes; those run in one transaction with a few statements whatever the number of recipients.
     */
    public Accepted send(Caller caller, byte[] body) {
        Edxml.Parsed<EdxmlPackage> parsed;
        try {
            parsed = edxml.readPackage(body);
        } catch (EdxmlException e) {
            throw PackageProblems.of(e);
        }
        MessageHeader header = parsed.value().header();
        Agency sender = authenticSender.check(caller, header.from().organId(), "From/OrganId", parsed.document());
        checkDocumentId(header);
        Map<UUID, Agency> recipients = recipients(header);
        String sha256 = Hashes.sha256Hex(body);
        return tx.execute(status -> store(caller, parsed.value(), sender, recipients, sha256, body));
    }

    private Accepted store(
            Caller caller, EdxmlPackage pkg, Agency sender, Map<UUID, Agency> recipients, String sha256, byte[] body) {
        MessageHeader header = pkg.header();
        var business = pkg.business();
        int businessType = business == null ? 0 : business.bussinessDocType();
        String related = business == null ? null : business.documentId();
        Document original = null;
        if (businessType != 0) {
            // a revoke/update/replace names its original: a resend is recognised before the original is looked up
            var existing = documents.byDocumentId(header.documentId());
            if (existing.isPresent()) {
                return resend(existing.get(), sha256);
            }
            original = checkRelated(sender, related);
        }
        Instant now = clock.instant();
        Document document = new Document(
                UUID.randomUUID(),
                header.documentId(),
                sender.id(),
                header.from().organId(),
                header.code().codeNumber(),
                header.code().codeNotation(),
                header.promulgationInfo().promulgationDate(),
                header.subject(),
                header.priority(),
                businessType,
                related,
                sha256,
                body.length,
                now,
                caller.subject() + (caller.clientId() == null ? "" : " via " + caller.clientId()));
        if (!documents.insertIfAbsent(document, body)) {
            // the same DocumentId was accepted before (a resend), or a concurrent send committed first
            return resend(documents.byDocumentId(header.documentId()).orElseThrow(), sha256);
        }
        List<Documents.Recipient> created = new ArrayList<>();
        for (Agency recipient : recipients.values()) {
            created.add(new Documents.Recipient(codeUsed(header, recipient), UUID.randomUUID()));
        }
        documents.insertDeliveries(document, recipients.keySet().stream().toList(), created);
        if (original != null) {
            applyBusiness(business, original, now);
        }
        messageLog.append("PACKAGE", document.documentId(), document.senderCode(), null, sha256);
        if (recipients.values().stream().anyMatch(a -> a.delivery().mode() == Agency.DeliveryEndpoint.Mode.PUSH)) {
            publisher.publishEvent(new PushDelivery.PackageAccepted(document.id())); // the push job, after commit
        }
        events.append(
                DocumentEvents.SENT,
                document.id(),
                new DocumentSent(
                        document.id(),
                        document.documentId(),
                        document.senderCode(),
                        created.stream().map(Documents.Recipient::code).toList(),
                        document.priority(),
                        businessType,
                        sha256,
                        now));
        return new Accepted(document.id(), document.documentId(), sha256, created, false);
    }

    private Accepted resend(Document existing, String sha256) {
        if (!existing.packageSha256().equals(sha256)) {
            throw PackageProblems.field(
                    HttpStatus.CONFLICT,
                    "document-id-conflict",
                    "DocumentId",
                    "Đã nhận một gói tin khác với cùng DocumentId " + existing.documentId()
                            + "; văn bản mới cần số, ký hiệu hoặc ngày ban hành khác.");
        }
        return new Accepted(existing.id(), existing.documentId(), sha256, documents.recipients(existing.id()), true);
    }

    private static void checkDocumentId(MessageHeader header) {
        String expected = header.expectedDocumentId();
        if (!expected.equals(header.documentId())) {
            throw PackageProblems.field(
                    HttpStatus.UNPROCESSABLE_CONTENT,
                    "document-id-mismatch",
                    "DocumentId",
                    "DocumentId \"" + header.documentId() + "\" không khớp với From, Code và PromulgationInfo;"
                            + " giá trị đúng là \"" + expected + "\".");
        }
    }

    /** Every To (must all be registered), then places in ToPlaces that are codes of registered agencies. */
    private Map<UUID, Agency> recipients(MessageHeader header) {
        List<String> codes = new ArrayList<>();
        header.to().forEach(o -> codes.add(o.organId()));
        for (String place : header.toPlaces()) {
            String candidate = place.strip();
            if (OrganisationCodeCheck.isValid(candidate)) {
                codes.add(candidate);
            }
        }
        Map<String, Agency> known = agencies.byCodes(codes); // one directory read for every To and ToPlaces code
        Map<UUID, Agency> result = new LinkedHashMap<>();
        List<FieldProblem> problems = new ArrayList<>();
        for (int i = 0; i < header.to().size(); i++) {
            String code = header.to().get(i).organId();
            String field = "To[" + (i + 1) + "]/OrganId";
            var check = OrganisationCodeCheck.check(code);
            if (!check.valid()) {
                problems.add(new FieldProblem(
                        field,
                        "Mã định danh \"" + code + "\" không hợp lệ: "
                                + check.reasons().getFirst()));
                continue;
            }
            Agency a = known.get(code);
            if (a == null) {
                problems.add(new FieldProblem(field, "Cơ quan nhận " + code + " chưa có trong danh bạ."));
            } else {
                result.putIfAbsent(a.id(), a);
            }
        }
        if (!problems.isEmpty()) {
            boolean malformed = problems.stream().anyMatch(p -> p.reason().contains("không hợp lệ"));
            throw new ApiProblem(
                    malformed ? HttpStatus.BAD_REQUEST : HttpStatus.UNPROCESSABLE_CONTENT,
                    malformed ? "invalid-organisation-code" : "unknown-recipient",
                    problems.getFirst().reason(),
                    problems);
        }
        for (String place : header.toPlaces()) {
            Agency a = known.get(place.strip());
            if (a != null) {
                result.putIfAbsent(a.id(), a);
            }
        }
        return result;
    }

    /**
     * Nghiệp vụ thu hồi / cập nhật / thay thế: a revoke (1) or replace (3) withdraws the original from every inbox that
     * has not taken it yet (those that have receive this package and act on it); an update (2) delivers the original
     * to the receivers it adds and withdraws it from those it removes.
     */
    private void applyBusiness(EdxmlPackage.Business business, Document original, Instant now) {
        switch (business.bussinessDocType()) {
            case 1 -> documents.withdrawPending(original.id(), null, "REVOKED", now);
            case 3 -> documents.withdrawPending(original.id(), null, "REPLACED", now);
            case 2 -> {
                if (business.documentInfo() == null) {
                    return;
                }
                for (EdxmlPackage.Receiver r : business.documentInfo().receivers()) {
                    Agency agency = agencies.byCode(r.organId())
                            .orElseThrow(() -> PackageProblems.field(
                                    HttpStatus.UNPROCESSABLE_CONTENT,
                                    "unknown-recipient",
                                    "Bussiness/BussinessDocumentInfo/ReceiverList/Receiver",
                                    "Cơ quan nhận " + r.organId() + " chưa có trong danh bạ."));
                    if (r.receiverType() == 1) {
                        documents.addDelivery(original, agency.id(), r.organId(), now);
                    } else {
                        documents.withdrawPending(original.id(), agency.id(), "RECEIVER_REMOVED", now);
                    }
                }
            }
            default -> {}
        }
    }

    private Document checkRelated(Agency sender, String related) {
        if (related == null) {
            throw PackageProblems.field(
                    HttpStatus.UNPROCESSABLE_CONTENT,
                    "related-document-missing",
                    "Bussiness/DocumentId",
                    "Gói tin thu hồi, cập nhật hoặc thay thế phải nêu DocumentId của văn bản gốc.");
        }
        var original = documents.byDocumentId(related);
        if (original.isEmpty() || !original.get().senderId().equals(sender.id())) {
            throw PackageProblems.field(
                    HttpStatus.UNPROCESSABLE_CONTENT,
                    "related-document-unknown",
                    "Bussiness/DocumentId",
                    "Không có văn bản " + related + " do cơ quan này gửi.");
        }
        return original.get();
    }

    private static String codeUsed(MessageHeader header, Agency recipient) {
        return header.to().stream()
                .map(EdxmlPackage.Organisation::organId)
                .filter(recipient::isKnownAs)
                .findFirst()
                .orElse(recipient.code());
    }
}
