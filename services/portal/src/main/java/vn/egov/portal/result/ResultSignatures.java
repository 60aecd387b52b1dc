package vn.egov.portal.result;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.crypto.MarshalException;
import javax.xml.crypto.dsig.CanonicalizationMethod;
import javax.xml.crypto.dsig.DigestMethod;
import javax.xml.crypto.dsig.Reference;
import javax.xml.crypto.dsig.SignatureMethod;
import javax.xml.crypto.dsig.SignedInfo;
import javax.xml.crypto.dsig.Transform;
import javax.xml.crypto.dsig.XMLSignature;
import javax.xml.crypto.dsig.XMLSignatureException;
import javax.xml.crypto.dsig.XMLSignatureFactory;
import javax.xml.crypto.dsig.dom.DOMSignContext;
import javax.xml.crypto.dsig.dom.DOMValidateContext;
import javax.xml.crypto.dsig.keyinfo.KeyInfo;
import javax.xml.crypto.dsig.keyinfo.KeyInfoFactory;
import javax.xml.crypto.dsig.keyinfo.X509Data;
import javax.xml.crypto.dsig.spec.C14NMethodParameterSpec;
import javax.xml.crypto.dsig.spec.TransformParameterSpec;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * Chữ ký số trên kết quả điện tử: enveloped XML-DSig over the whole e-result document with the JDK's standard
 * implementation ({@code javax.xml.crypto}, as the interchange signs edXML): RSA-SHA256, one reference
 * {@code URI=""} with the enveloped and exclusive-c14n transforms, the certificate in KeyInfo.
 *
 * <p>Verification uses the certificate of the agency's keystore entry, never the one in the document, with
 * secure validation, and accepts only a signature covering the whole document.
 */
public final class ResultSignatures {

    private final XMLSignatureFactory factory = XMLSignatureFactory.getInstance("DOM");

    /** The outcome of a verification, with the Vietnamese reason when it fails. */
    public record Verification(boolean valid, String detail) {}

    public byte[] sign(Document document, PrivateKey key, X509Certificate certificate) {
        return sign(document, document.getDocumentElement(), key, certificate);
    }

    /**
     * Signs the whole document with the signature placed in {@code parent} (e.g. an edXML package's
     * {@code edXMLHeader}, where the interchange expects it) and returns the signed bytes.
     */
    public byte[] sign(Document document, Element parent, PrivateKey key, X509Certificate certificate) {
        try {
            Reference reference = factory.newReference(
                    "",
                    factory.newDigestMethod(DigestMethod.SHA256, null),
                    List.of(
                            factory.newTransform(Transform.ENVELOPED, (TransformParameterSpec) null),
                            factory.newTransform(CanonicalizationMethod.EXCLUSIVE, (TransformParameterSpec) null)),
                    null,
                    null);
            SignedInfo signedInfo = factory.newSignedInfo(
                    factory.newCanonicalizationMethod(CanonicalizationMethod.EXCLUSIVE, (C14NMethodParameterSpec) null),
                    factory.newSignatureMethod(SignatureMethod.RSA_SHA256, null),
                    List.of(reference));
            KeyInfoFactory kif = factory.getKeyInfoFactory();
            X509Data x509 = kif.newX509Data(
                    List.of(certificate.getSubjectX500Principal().getName(), certificate));
            KeyInfo keyInfo = kif.newKeyInfo(List.of(x509));
            DOMSignContext context = new DOMSignContext(key, parent);
            context.setDefaultNamespacePrefix("ds");
            factory.newXMLSignature(signedInfo, keyInfo).sign(context);
            return bytes(document);
        } catch (GeneralSecurityException | MarshalException | XMLSignatureException e) {
            throw new IllegalStateException("cannot sign the e-result", e);
        }
    }

    /** Verifies a stored signed document against the agency's certificate. */
    public Verification verify(byte[] signed, X509Certificate certificate) {
        Document document;
        try {
            document = parse(signed);
        } catch (SAXException | IOException e) {
            return new Verification(false, "Văn bản kết quả không phải XML hợp lệ.");
        }
        NodeList signatures = document.getElementsByTagNameNS(XMLSignature.XMLNS, "Signature");
        if (signatures.getLength() != 1) {
            return new Verification(false, "Văn bản kết quả phải có đúng một chữ ký số.");
        }
        Element element = (Element) signatures.item(0);
        if (element.getParentNode() != document.getDocumentElement()) {
            return new Verification(false, "Chữ ký số không nằm ở gốc văn bản kết quả.");
        }
        DOMValidateContext context = new DOMValidateContext(certificate.getPublicKey(), element);
        context.setProperty("org.jcp.xml.dsig.secureValidation", Boolean.TRUE);
        try {
            XMLSignature signature = factory.unmarshalXMLSignature(context);
            List<?> references = signature.getSignedInfo().getReferences();
            if (references.size() != 1 || !"".equals(((Reference) references.getFirst()).getURI())) {
                return new Verification(false, "Chữ ký số không bao trùm toàn bộ văn bản kết quả.");
            }
            String mismatch = keyInfoMismatch(signature.getKeyInfo(), certificate);
            if (mismatch != null) {
                return new Verification(false, mismatch);
            }
            if (signature.validate(context)) {
                return new Verification(
                        true,
                        "Chữ ký số hợp lệ: văn bản được ký bởi "
                                + certificate.getSubjectX500Principal().getName() + " và không bị thay đổi.");
            }
            boolean valueOk = signature.getSignatureValue().validate(context);
            return new Verification(
                    false,
                    valueOk
                            ? "Nội dung văn bản kết quả đã bị thay đổi sau khi ký (giá trị băm không khớp)."
                            : "Chữ ký số không hợp lệ với chứng thư số của cơ quan.");
        } catch (MarshalException | XMLSignatureException e) {
            return new Verification(false, "Chữ ký số không đúng cấu trúc XML-DSig.");
        }
    }

    private static String keyInfoMismatch(KeyInfo keyInfo, X509Certificate expected) {
        if (keyInfo == null) {
            return null;
        }
        for (Object content : keyInfo.getContent()) {
            if (content instanceof X509Data data) {
                for (Object item : data.getContent()) {
                    try {
                        if (item instanceof X509Certificate c
                                && !Arrays.equals(c.getEncoded(), expected.getEncoded())) {
                            return "Văn bản được ký bằng chứng thư số khác với chứng thư của cơ quan.";
                        }
                    } catch (CertificateEncodingException e) {
                        return "Chứng thư số trong văn bản bị hỏng.";
                    }
                }
            }
        }
        return null;
    }

    /** A namespace-aware builder that refuses DOCTYPE and external entities. */
    public static Document newDocument() {
        try {
            return builderFactory().newDocumentBuilder().newDocument();
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException(e);
        }
    }

    public static Document parse(byte[] xml) throws SAXException, IOException {
        try {
            return builderFactory().newDocumentBuilder().parse(new ByteArrayInputStream(xml));
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static DocumentBuilderFactory builderFactory() throws ParserConfigurationException {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        f.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        f.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        f.setXIncludeAware(false);
        f.setExpandEntityReferences(false);
        return f;
    }

    static byte[] bytes(Document document) {
        try {
            var transformer = TransformerFactory.newInstance().newTransformer();
            transformer.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            transformer.transform(new DOMSource(document), new StreamResult(out));
            return out.toByteArray();
        } catch (TransformerException e) {
            throw new IllegalStateException("cannot write the e-result", e);
        }
    }
}
