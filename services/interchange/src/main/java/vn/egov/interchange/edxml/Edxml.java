package vn.egov.interchange.edxml;

import static vn.egov.interchange.edxml.Dom.add;
import static vn.egov.interchange.edxml.Dom.addText;
import static vn.egov.interchange.edxml.Dom.required;
import static vn.egov.interchange.edxml.Dom.text;

import javax.xml.validation.Schema;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Reads and writes edXML packages and status packages: secure parsing, validation against the XSDs in
 * {@code contracts/edxml/}, size limits, and the model in both directions. Thread-safe.
 */
public final class Edxml {

    private final Schema packageSchema = SecureXml.schema("edxml-package.xsd");
    private final Schema statusSchema = SecureXml.schema("edxml-status.xsd");
    private final EdxmlLimits limits;
    private final EdxmlReader reader;

    public Edxml(EdxmlLimits limits) {
        this.limits = limits;
        this.reader = new EdxmlReader(limits);
    }

    /** A parsed package: the DOM (for signature verification) and the model. */
    public record Parsed<T>(Document document, T value) {}

    public Parsed<EdxmlPackage> readPackage(byte[] xml) {
        checkSize(xml);
        Document document = SecureXml.parse(xml);
        expectRoot(document, "edXML");
        SecureXml.validate(packageSchema, document);
        return new Parsed<>(document, reader.readPackage(document));
    }

    public Parsed<StatusPackage> readStatus(byte[] xml) {
        checkSize(xml);
        Document document = SecureXml.parse(xml);
        expectRoot(document, "edXMLEnvelope");
        SecureXml.validate(statusSchema, document);
        Element status = required(required(document.getDocumentElement(), "edXMLHeader"), "Status");
        StatusPackage value = new StatusPackage(
                EdxmlReader.responseFor(required(status, "ResponseFor")),
                EdxmlReader.organisation(required(status, "From")),
                text(status, "StatusCode"),
                text(status, "Description"),
                EdxmlDates.parseTimestamp(text(status, "Timestamp"), "Status/Timestamp"),
                EdxmlReader.staffInfo(Dom.child(status, "StaffInfo")));
        return new Parsed<>(document, value);
    }

    public Document writePackage(EdxmlPackage p) {
        return EdxmlWriter.writePackage(p);
    }

    public Document writeStatus(StatusPackage s) {
        Document doc = SecureXml.newDocument();
        Element root = doc.createElementNS(EdxmlPackage.NS, "edXML:edXMLEnvelope");
        root.setAttributeNS("http://www.w3.org/2000/xmlns/", "xmlns:edXML", EdxmlPackage.NS);
        doc.appendChild(root);
        Element status = add(doc, add(doc, root, "edXMLHeader"), "Status");
        EdxmlWriter.responseFor(doc, add(doc, status, "ResponseFor"), s.responseFor());
        EdxmlWriter.organisation(doc, add(doc, status, "From"), s.from());
        addText(doc, status, "StatusCode", s.statusCode());
        addText(doc, status, "Description", s.description());
        addText(doc, status, "Timestamp", EdxmlDates.formatTimestamp(s.timestamp()));
        EdxmlWriter.staffInfo(doc, status, s.staffInfo());
        return doc;
    }

    public static byte[] toBytes(Document document) {
        return SecureXml.serialize(document);
    }

    private void checkSize(byte[] xml) {
        if (xml.length > limits.maxPackageBytes()) {
            throw new EdxmlException(
                    EdxmlException.Kind.TOO_LARGE,
                    "body",
                    "Gói tin " + xml.length + " byte vượt quá giới hạn " + limits.maxPackageBytes() + " byte.");
        }
    }

    private static void expectRoot(Document document, String name) {
        Element root = document.getDocumentElement();
        if (!EdxmlPackage.NS.equals(root.getNamespaceURI()) || !name.equals(root.getLocalName())) {
            throw new EdxmlException(
                    EdxmlException.Kind.INVALID,
                    "body",
                    "Phần tử gốc phải là {" + EdxmlPackage.NS + "}" + name + ", nhận được {" + root.getNamespaceURI()
                            + "}" + root.getLocalName() + ".");
        }
    }
}
