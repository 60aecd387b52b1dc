package vn.egov.interchange.edxml;

import static vn.egov.interchange.edxml.Dom.add;
import static vn.egov.interchange.edxml.Dom.addText;

import java.util.Base64;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import vn.egov.interchange.edxml.EdxmlPackage.Attachment;
import vn.egov.interchange.edxml.EdxmlPackage.Business;
import vn.egov.interchange.edxml.EdxmlPackage.ManifestReference;
import vn.egov.interchange.edxml.EdxmlPackage.MessageHeader;
import vn.egov.interchange.edxml.EdxmlPackage.Organisation;
import vn.egov.interchange.edxml.EdxmlPackage.ReplacementInfo;
import vn.egov.interchange.edxml.EdxmlPackage.ResponseFor;
import vn.egov.interchange.edxml.EdxmlPackage.StaffInfo;
import vn.egov.interchange.edxml.EdxmlPackage.TraceHeader;

/** Writes the model as an edXML DOM in the element order of the XSD (ready to be signed). */
final class EdxmlWriter {

    private EdxmlWriter() {}

    static Document writePackage(EdxmlPackage p) {
        Document doc = SecureXml.newDocument();
        Element root = doc.createElementNS(EdxmlPackage.NS, "edXML:edXML");
        root.setAttributeNS("http://www.w3.org/2000/xmlns/", "xmlns:edXML", EdxmlPackage.NS);
        root.setAttributeNS("http://www.w3.org/2000/xmlns/", "xmlns:xlink", EdxmlPackage.XLINK);
        doc.appendChild(root);
        Element envelope = add(doc, root, "edXMLEnvelope");
        Element header = add(doc, envelope, "edXMLHeader");
        messageHeader(doc, add(doc, header, "MessageHeader"), p.header());
        Element traces = add(doc, header, "TraceHeaderList");
        for (TraceHeader t : p.traces()) {
            Element e = add(doc, traces, "TraceHeader");
            addText(doc, e, "OrganId", t.organId());
            addText(doc, e, "Timestamp", EdxmlDates.formatTimestamp(t.timestamp()));
        }
        business(doc, traces, p.business());
        Element manifest = add(doc, add(doc, envelope, "edXMLBody"), "edXMLManifest");
        manifest.setAttribute("version", "1.0");
        for (ManifestReference r : p.manifest()) {
            Element e = add(doc, manifest, "Reference");
            e.setAttributeNS(EdxmlPackage.XLINK, "xlink:href", "cid:" + r.contentId());
            e.setAttributeNS(EdxmlPackage.XLINK, "xlink:type", "simple");
            addText(doc, e, "ContentId", r.contentId());
            addText(doc, e, "ContentType", r.contentType());
            addText(doc, e, "Description", r.description());
            addText(doc, e, "AttachmentName", r.attachmentName());
        }
        if (!p.attachments().isEmpty()) {
            Element encoded = add(doc, root, "AttachmentEncoded");
            for (Attachment a : p.attachments()) {
                Element e = add(doc, encoded, "Attachment");
                addText(doc, e, "ContentId", a.contentId());
                addText(doc, e, "ContentType", a.contentType());
                addText(doc, e, "Description", a.description());
                addText(doc, e, "AttachmentName", a.attachmentName());
                addText(doc, e, "ContentTransferEncoded", Base64.getEncoder().encodeToString(a.content()));
            }
        }
        return doc;
    }

    private static void messageHeader(Document doc, Element h, MessageHeader m) {
        organisation(doc, add(doc, h, "From"), m.from());
        for (Organisation to : m.to()) {
            organisation(doc, add(doc, h, "To"), to);
        }
        Element code = add(doc, h, "Code");
        addText(doc, code, "CodeNumber", m.code().codeNumber());
        addText(doc, code, "CodeNotation", m.code().codeNotation());
        Element promulgation = add(doc, h, "PromulgationInfo");
        addText(doc, promulgation, "Place", m.promulgationInfo().place());
        addText(
                doc,
                promulgation,
                "PromulgationDate",
                EdxmlDates.formatDate(m.promulgationInfo().promulgationDate()));
        Element type = add(doc, h, "DocumentType");
        addText(doc, type, "Type", m.documentType().type());
        addText(doc, type, "TypeName", m.documentType().typeName());
        addText(doc, type, "TypeDetail", m.documentType().typeDetail());
        addText(doc, h, "Subject", m.subject());
        addText(doc, h, "Content", m.content());
        Element signer = add(doc, h, "SignerInfo");
        addText(doc, signer, "Competence", m.signerInfo().competence());
        addText(doc, signer, "Position", m.signerInfo().position());
        addText(doc, signer, "FullName", m.signerInfo().fullName());
        if (m.dueDate() != null) {
            addText(doc, h, "DueDate", EdxmlDates.formatDate(m.dueDate()));
        }
        if (!m.toPlaces().isEmpty()) {
            Element places = add(doc, h, "ToPlaces");
            m.toPlaces().forEach(p -> addText(doc, places, "Place", p));
        }
        if (m.otherInfo() != null) {
            var o = m.otherInfo();
            Element other = add(doc, h, "OtherInfo");
            addText(doc, other, "Priority", o.priority());
            addText(doc, other, "SphereOfPromulgation", o.sphereOfPromulgation());
            addText(doc, other, "TyperNotation", o.typerNotation());
            addText(doc, other, "PromulgationAmount", o.promulgationAmount());
            addText(doc, other, "PageAmount", o.pageAmount());
            if (!o.appendixes().isEmpty()) {
                Element appendixes = add(doc, other, "Appendixes");
                o.appendixes().forEach(a -> addText(doc, appendixes, "Appendix", a));
            }
        }
        for (ResponseFor r : m.responseFor()) {
            responseFor(doc, add(doc, h, "ResponseFor"), r);
        }
        addText(doc, h, "SteeringType", m.steeringType());
        addText(doc, h, "DocumentId", m.documentId());
    }

    static void responseFor(Document doc, Element e, ResponseFor r) {
        addText(doc, e, "OrganId", r.organId());
        addText(doc, e, "Code", r.code());
        addText(doc, e, "PromulgationDate", EdxmlDates.formatDate(r.promulgationDate()));
        addText(doc, e, "DocumentId", r.documentId());
    }

    static void organisation(Document doc, Element e, Organisation o) {
        addText(doc, e, "OrganId", o.organId());
        addText(doc, e, "OrganizationInCharge", o.organizationInCharge());
        addText(doc, e, "OrganName", o.organName());
        addText(doc, e, "OrganAdd", o.organAdd());
        addText(doc, e, "Email", o.email());
        addText(doc, e, "Telephone", o.telephone());
        addText(doc, e, "Fax", o.fax());
        addText(doc, e, "Website", o.website());
    }

    static void staffInfo(Document doc, Element parent, StaffInfo s) {
        if (s == null) {
            return;
        }
        Element e = add(doc, parent, "StaffInfo");
        addText(doc, e, "Department", s.department());
        addText(doc, e, "Staff", s.staff());
        addText(doc, e, "Mobile", s.mobile());
        addText(doc, e, "Email", s.email());
    }

    private static void business(Document doc, Element traces, Business b) {
        if (b == null) {
            return;
        }
        Element e = add(doc, traces, "Bussiness");
        addText(doc, e, "BussinessDocType", b.bussinessDocType());
        addText(doc, e, "BussinessDocReason", b.bussinessDocReason());
        if (b.documentInfo() != null) {
            Element info = add(doc, e, "BussinessDocumentInfo");
            addText(doc, info, "DocumentInfo", b.documentInfo().documentInfo());
            addText(doc, info, "DocumentReceiver", b.documentInfo().documentReceiver());
            if (!b.documentInfo().receivers().isEmpty()) {
                Element list = add(doc, info, "ReceiverList");
                for (var r : b.documentInfo().receivers()) {
                    Element re = add(doc, list, "Receiver");
                    addText(doc, re, "ReceiverType", r.receiverType());
                    addText(doc, re, "OrganId", r.organId());
                }
            }
        }
        addText(doc, e, "DocumentId", b.documentId());
        staffInfo(doc, e, b.staffInfo());
        addText(doc, e, "Paper", b.paper());
        if (!b.replacements().isEmpty()) {
            Element list = add(doc, e, "ReplacementInfoList");
            for (ReplacementInfo r : b.replacements()) {
                Element re = add(doc, list, "ReplacementInfo");
                addText(doc, re, "DocumentId", r.documentId());
                if (!r.organIds().isEmpty()) {
                    Element ids = add(doc, re, "OrganIdList");
                    r.organIds().forEach(id -> addText(doc, ids, "OrganId", id));
                }
            }
        }
    }
}
