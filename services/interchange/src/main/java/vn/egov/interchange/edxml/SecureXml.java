package vn.egov.interchange.edxml;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;
import org.w3c.dom.Document;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * The only way the axis reads or writes XML: no DTDs, no entities, no external resources of any kind, element depth
 * and size bounded, schemas loaded from the contracts on the classpath only.
 */
public final class SecureXml {

    static final int MAX_ELEMENT_DEPTH = 64;
    static final String XMLDSIG_NS = "http://www.w3.org/2000/09/xmldsig#";

    private static final DocumentBuilderFactory FACTORY = newFactory();

    private SecureXml() {}

    private static DocumentBuilderFactory newFactory() {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setFeature("http://xml.org/sax/features/external-general-entities", false);
            f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            f.setXIncludeAware(false);
            f.setExpandEntityReferences(false);
            f.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            f.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            f.setAttribute("http://www.oracle.com/xml/jaxp/properties/maxElementDepth", MAX_ELEMENT_DEPTH);
            f.setAttribute("http://www.oracle.com/xml/jaxp/properties/entityExpansionLimit", 0);
            return f;
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("secure XML parser unavailable", e);
        }
    }

    /** Parses untrusted bytes. DOCTYPE → {@code FORBIDDEN_CONSTRUCT}; anything not well-formed → {@code MALFORMED}. */
    public static Document parse(byte[] xml) {
        try {
            DocumentBuilder builder = FACTORY.newDocumentBuilder();
            builder.setEntityResolver((publicId, systemId) -> {
                throw new SAXException("external entity refused: " + systemId);
            });
            builder.setErrorHandler(new StrictErrors());
            return builder.parse(new ByteArrayInputStream(xml));
        } catch (SAXParseException e) {
            throw classify(e);
        } catch (SAXException e) {
            throw new EdxmlException(
                    EdxmlException.Kind.FORBIDDEN_CONSTRUCT,
                    "body",
                    "Gói tin tham chiếu tài nguyên bên ngoài, không được phép.");
        } catch (IOException | ParserConfigurationException e) {
            throw new EdxmlException(EdxmlException.Kind.MALFORMED, "body", "Không đọc được gói tin XML.");
        }
    }

    private static EdxmlException classify(SAXParseException e) {
        String message = String.valueOf(e.getMessage());
        String where = " (dòng " + e.getLineNumber() + ", cột " + e.getColumnNumber() + ")";
        if (message.contains("DOCTYPE")) {
            return new EdxmlException(
                    EdxmlException.Kind.FORBIDDEN_CONSTRUCT,
                    "body",
                    "Gói tin chứa khai báo DOCTYPE/thực thể (DTD, entity), không được phép" + where + ".");
        }
        if (message.contains("maxElementDepth") || message.contains("depth")) {
            return new EdxmlException(
                    EdxmlException.Kind.TOO_LARGE,
                    "body",
                    "Gói tin lồng quá " + MAX_ELEMENT_DEPTH + " cấp phần tử" + where + ".");
        }
        return new EdxmlException(
                EdxmlException.Kind.MALFORMED, "body", "Gói tin không phải XML hợp lệ" + where + ": " + message);
    }

    /** A compiled schema from the contracts on the classpath ({@code contracts/edxml/<name>}). */
    public static Schema schema(String name) {
        URL url = SecureXml.class.getClassLoader().getResource("contracts/edxml/" + name);
        if (url == null) {
            throw new IllegalStateException("missing schema contracts/edxml/" + name);
        }
        try {
            SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            // our own schemas include each other from the same place; nothing else is loaded
            factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "file,jar,nested");
            factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            return factory.newSchema(url);
        } catch (SAXException e) {
            throw new IllegalStateException("cannot compile schema " + name, e);
        }
    }

    /** Validates a parsed document; every violation becomes one reason with its line. */
    public static void validate(Schema schema, Document document) {
        Validator validator = schema.newValidator();
        try {
            validator.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            validator.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            List<String> reasons = new ArrayList<>();
            validator.setErrorHandler(new ErrorHandler() {
                @Override
                public void warning(SAXParseException e) {}

                @Override
                public void error(SAXParseException e) {
                    if (reasons.size() < 20) {
                        reasons.add(e.getMessage());
                    }
                }

                @Override
                public void fatalError(SAXParseException e) throws SAXException {
                    throw e;
                }
            });
            validator.validate(new DOMSource(document));
            if (!reasons.isEmpty()) {
                throw new SchemaViolation(reasons);
            }
        } catch (SAXException e) {
            throw new SchemaViolation(List.of(String.valueOf(e.getMessage())));
        } catch (IOException e) {
            throw new EdxmlException(EdxmlException.Kind.MALFORMED, "body", "Không kiểm tra được gói tin.");
        }
    }

    /** Schema violations, each reason as the validator words it (XSD messages are technical by nature). */
    public static final class SchemaViolation extends EdxmlException {
        private final List<String> reasons;

        SchemaViolation(List<String> reasons) {
            super(Kind.INVALID, "body", "Gói tin không đúng lược đồ edXML (QCVN 102:2016): " + reasons.getFirst());
            this.reasons = List.copyOf(reasons);
        }

        public List<String> reasons() {
            return reasons;
        }
    }

    public static Document newDocument() {
        try {
            return FACTORY.newDocumentBuilder().newDocument();
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Serialises a DOM as UTF-8 without reformatting (a signed document must not be re-indented). */
    public static byte[] serialize(Document document) {
        try {
            TransformerFactory factory = TransformerFactory.newInstance();
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_STYLESHEET, "");
            Transformer transformer = factory.newTransformer();
            transformer.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
            transformer.setOutputProperty(OutputKeys.INDENT, "no");
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            transformer.transform(new DOMSource(document), new StreamResult(out));
            return out.toByteArray();
        } catch (TransformerException e) {
            throw new IllegalStateException("cannot serialise XML", e);
        }
    }

    private static final class StrictErrors implements ErrorHandler {
        @Override
        public void warning(SAXParseException e) {}

        @Override
        public void error(SAXParseException e) throws SAXException {
            throw e;
        }

        @Override
        public void fatalError(SAXParseException e) throws SAXException {
            throw e;
        }
    }
}
