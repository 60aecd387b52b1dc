package vn.egov.interchange.edxml;

import static vn.egov.interchange.edxml.Dom.child;
import static vn.egov.interchange.edxml.Dom.children;
import static vn.egov.interchange.edxml.Dom.integer;
import static vn.egov.interchange.edxml.Dom.required;
import static vn.egov.interchange.edxml.Dom.text;

import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import vn.egov.interchange.edxml.EdxmlPackage.Attachment;
import vn.egov.interchange.edxml.EdxmlPackage.Business;
import vn.egov.interchange.edxml.EdxmlPackage.BusinessDocumentInfo;
import vn.egov.interchange.edxml.EdxmlPackage.Code;
import vn.egov.interchange.edxml.EdxmlPackage.DocumentType;
import vn.egov.interchange.edxml.EdxmlPackage.ManifestReference;
import vn.egov.interchange.edxml.EdxmlPackage.MessageHeader;
import vn.egov.interchange.edxml.EdxmlPackage.Organisation;
import vn.egov.interchange.edxml.EdxmlPackage.OtherInfo;
import vn.egov.interchange.edxml.EdxmlPackage.PromulgationInfo;
import vn.egov.interchange.edxml.EdxmlPackage.Receiver;
import vn.egov.interchange.edxml.EdxmlPackage.ReplacementInfo;
import vn.egov.interchange.edxml.EdxmlPackage.ResponseFor;
import vn.egov.interchange.edxml.EdxmlPackage.SignerInfo;
import vn.egov.interchange.edxml.EdxmlPackage.StaffInfo;
import vn.egov.interchange.edxml.EdxmlPackage.TraceHeader;

/** Reads a schema-valid edXML DOM into the model; checks what the XSD cannot (dates, manifest, sizes). */
final class EdxmlReader {

    private final EdxmlLimits limits;

    EdxmlReader(EdxmlLimits limits) {
        this.limits = limits;
    }

    EdxmlPackage readPackage(Document document) {
        Element root = document.getDocumentElement();
        Element envelope = required(root, "edXMLEnvelope");
        Element header = required(envelope, "edXMLHeader");
        MessageHeader messageHeader = messageHeader(required(header, "MessageHeader"));
        Element traceList = required(header, "TraceHeaderList");
        List<TraceHeader> traces = new ArrayList<>();
        for (Element t : children(traceList, "TraceHeader")) {
            traces.add(new TraceHeader(
                    text(t, "OrganId"), EdxmlDates.parseTimestamp(text(t, "Timestamp"), "TraceHeader/Timestamp")));
        }
        Business business = business(child(traceList, "Bussiness"));
        Element manifestElement = required(required(envelope, "edXMLBody"), "edXMLManifest");
        List<ManifestReference> manifest = new ArrayList<>();
        for (Element r : children(manifestElement, "Reference")) {
            ManifestReference ref = new ManifestReference(
                    text(r, "ContentId"), text(r, "ContentType"), text(r, "Description"), text(r, "AttachmentName"));
            String href = r.getAttributeNS(EdxmlPackage.XLINK, "href");
            if (!href.isEmpty() && !href.equals("cid:" + ref.contentId())) {
                throw new EdxmlException(
                        EdxmlException.Kind.MANIFEST,
                        "edXMLManifest/Reference",
                        "xlink:href \"" + href + "\" không khớp ContentId \"" + ref.contentId() + "\".");
            }
            manifest.add(ref);
        }
        List<Attachment> attachments = attachments(child(root, "AttachmentEncoded"));
        checkManifest(manifest, attachments);
        return new EdxmlPackage(messageHeader, traces, business, manifest, attachments);
    }

    private List<Attachment> attachments(Element encoded) {
        if (encoded == null) {
            return List.of();
        }
        List<Element> elements = children(encoded, "Attachment");
        if (elements.size() > limits.maxAttachments()) {
            throw new EdxmlException(
                    EdxmlException.Kind.TOO_LARGE,
                    "AttachmentEncoded",
                    "Gói tin có " + elements.size() + " tệp đính kèm, tối đa " + limits.maxAttachments() + ".");
        }
        List<Attachment> result = new ArrayList<>();
        long total = 0;
        for (Element a : elements) {
            String contentId = text(a, "ContentId");
            String encodedContent = text(a, "ContentTransferEncoded");
            long approx = (long) encodedContent.length() * 3 / 4;
            if (approx > limits.maxAttachmentBytes() + 3) {
                throw tooLarge(contentId);
            }
            byte[] content;
            try {
                content = Base64.getMimeDecoder().decode(encodedContent);
            } catch (IllegalArgumentException e) {
                throw new EdxmlException(
                        EdxmlException.Kind.INVALID,
                        "Attachment[" + contentId + "]/ContentTransferEncoded",
                        "Nội dung tệp đính kèm không phải base64 hợp lệ.");
            }
            if (content.length > limits.maxAttachmentBytes()) {
                throw tooLarge(contentId);
            }
            total += content.length;
            result.add(new Attachment(
                    contentId, text(a, "ContentType"), text(a, "Description"), text(a, "AttachmentName"), content));
        }
        return result;
    }

    private EdxmlException tooLarge(String contentId) {
        return new EdxmlException(
                EdxmlException.Kind.TOO_LARGE,
                "Attachment[" + contentId + "]",
                "Tệp đính kèm \"" + contentId + "\" vượt quá " + limits.maxAttachmentBytes() + " byte.");
    }

    private static void checkManifest(List<ManifestReference> manifest, List<Attachment> attachments) {
        Set<String> attached = new HashSet<>();
        for (Attachment a : attachments) {
            if (!attached.add(a.contentId())) {
                throw new EdxmlException(
                        EdxmlException.Kind.MANIFEST,
                        "Attachment[" + a.contentId() + "]",
                        "ContentId \"" + a.contentId() + "\" xuất hiện ở nhiều tệp đính kèm.");
            }
        }
        Set<String> listed = new HashSet<>();
        for (ManifestReference r : manifest) {
            if (!listed.add(r.contentId())) {
                throw new EdxmlException(
                        EdxmlException.Kind.MANIFEST,
                        "edXMLManifest/Reference[" + r.contentId() + "]",
                        "ContentId \"" + r.contentId() + "\" xuất hiện nhiều lần trong danh mục.");
            }
            if (!attached.contains(r.contentId())) {
                throw new EdxmlException(
                        EdxmlException.Kind.MANIFEST,
                        "edXMLManifest/Reference[" + r.contentId() + "]",
                        "Danh mục (manifest) liệt kê \"" + r.contentId()
                                + "\" nhưng gói tin không có tệp đính kèm này.");
            }
        }
        for (String id : attached) {
            if (!listed.contains(id)) {
                throw new EdxmlException(
                        EdxmlException.Kind.MANIFEST,
                        "Attachment[" + id + "]",
                        "Tệp đính kèm \"" + id + "\" không có trong danh mục (manifest).");
            }
        }
    }

    static MessageHeader messageHeader(Element h) {
        Element promulgation = required(h, "PromulgationInfo");
        Element type = required(h, "DocumentType");
        Element signer = required(h, "SignerInfo");
        Element codeElement = required(h, "Code");
        List<Organisation> to = new ArrayList<>();
        for (Element t : children(h, "To")) {
            to.add(organisation(t));
        }
        List<String> places = new ArrayList<>();
        Element toPlaces = child(h, "ToPlaces");
        if (toPlaces != null) {
            children(toPlaces, "Place").forEach(p -> places.add(p.getTextContent()));
        }
        List<ResponseFor> responseFor = new ArrayList<>();
        for (Element r : children(h, "ResponseFor")) {
            responseFor.add(responseFor(r));
        }
        String due = text(h, "DueDate");
        return new MessageHeader(
                organisation(required(h, "From")),
                to,
                new Code(text(codeElement, "CodeNumber"), text(codeElement, "CodeNotation")),
                new PromulgationInfo(
                        text(promulgation, "Place"),
                        EdxmlDates.parseDate(
                                text(promulgation, "PromulgationDate"), "PromulgationInfo/PromulgationDate")),
                new DocumentType(integer(type, "Type"), text(type, "TypeName"), text(type, "TypeDetail")),
                text(h, "Subject"),
                text(h, "Content"),
                new SignerInfo(text(signer, "Competence"), text(signer, "Position"), text(signer, "FullName")),
                due == null ? null : EdxmlDates.parseDate(due, "DueDate"),
                places,
                otherInfo(child(h, "OtherInfo")),
                responseFor,
                integer(h, "SteeringType"),
                text(h, "DocumentId"));
    }

    static ResponseFor responseFor(Element r) {
        return new ResponseFor(
                text(r, "OrganId"),
                text(r, "Code"),
                EdxmlDates.parseDate(text(r, "PromulgationDate"), "ResponseFor/PromulgationDate"),
                text(r, "DocumentId"));
    }

    static Organisation organisation(Element o) {
        return new Organisation(
                text(o, "OrganId"),
                text(o, "OrganizationInCharge"),
                text(o, "OrganName"),
                text(o, "OrganAdd"),
                text(o, "Email"),
                text(o, "Telephone"),
                text(o, "Fax"),
                text(o, "Website"));
    }

    private static OtherInfo otherInfo(Element o) {
        if (o == null) {
            return null;
        }
        List<String> appendixes = new ArrayList<>();
        Element list = child(o, "Appendixes");
        if (list != null) {
            children(list, "Appendix").forEach(a -> appendixes.add(a.getTextContent()));
        }
        return new OtherInfo(
                integer(o, "Priority"),
                text(o, "SphereOfPromulgation"),
                text(o, "TyperNotation"),
                integer(o, "PromulgationAmount"),
                integer(o, "PageAmount"),
                appendixes);
    }

    static StaffInfo staffInfo(Element s) {
        if (s == null) {
            return null;
        }
        return new StaffInfo(text(s, "Department"), text(s, "Staff"), text(s, "Mobile"), text(s, "Email"));
    }

    private static Business business(Element b) {
        if (b == null) {
            return null;
        }
        BusinessDocumentInfo info = null;
        Element infoElement = child(b, "BussinessDocumentInfo");
        if (infoElement != null) {
            List<Receiver> receivers = new ArrayList<>();
            Element list = child(infoElement, "ReceiverList");
            if (list != null) {
                for (Element r : children(list, "Receiver")) {
                    receivers.add(new Receiver(integer(r, "ReceiverType"), text(r, "OrganId")));
                }
            }
            info = new BusinessDocumentInfo(
                    text(infoElement, "DocumentInfo"), text(infoElement, "DocumentReceiver"), receivers);
        }
        List<ReplacementInfo> replacements = new ArrayList<>();
        Element list = child(b, "ReplacementInfoList");
        if (list != null) {
            for (Element r : children(list, "ReplacementInfo")) {
                List<String> organIds = new ArrayList<>();
                Element ids = child(r, "OrganIdList");
                if (ids != null) {
                    children(ids, "OrganId").forEach(i -> organIds.add(i.getTextContent()));
                }
                replacements.add(new ReplacementInfo(text(r, "DocumentId"), organIds));
            }
        }
        return new Business(
                integer(b, "BussinessDocType"),
                text(b, "BussinessDocReason"),
                info,
                text(b, "DocumentId"),
                staffInfo(child(b, "StaffInfo")),
                text(b, "Paper"),
                replacements);
    }
}
