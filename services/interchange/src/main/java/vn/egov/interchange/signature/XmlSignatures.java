package vn.egov.interchange.signature;

import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
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
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * Chữ ký số XML — enveloped XML-DSig over a whole edXML package (or status package), with the JDK's standard
 * implementation (javax.xml.crypto, secure validation on).
 *
 * <p>Signing puts one {@code ds:Signature} at the end of {@code edXMLHeader}: RSA-SHA256, one reference with
 * {@code URI=""}, the enveloped-signature transform and exclusive canonicalisation, and the certificate in KeyInfo.
 *
 * <p>Verification uses the key of the certificate registered for the sender, never a key found in the package, and
 * refuses any signature that does not cover the whole document: exactly one signature, placed in the header, exactly
 * one reference with {@code URI=""}, only the enveloped and canonicalisation transforms.
 */
public final class XmlSignatures {

    public static final String DSIG_NS = XMLSignature.XMLNS;
    private static final String EDXML_NS = "http://www.mic.gov.vn/TBT/QCVN_102_2016";
    private static final Set<String> ALLOWED_TRANSFORMS = Set.of(
            Transform.ENVELOPED,
            CanonicalizationMethod.EXCLUSIVE,
            CanonicalizationMethod.EXCLUSIVE_WITH_COMMENTS,
            CanonicalizationMethod.INCLUSIVE,
            CanonicalizationMethod.INCLUSIVE_WITH_COMMENTS,
            "http://www.w3.org/2006/12/xml-c14n11");
    private static final Set<String> ALLOWED_SIGNATURE_METHODS = Set.of(
            SignatureMethod.RSA_SHA256,
            SignatureMethod.RSA_SHA384,
            SignatureMethod.RSA_SHA512,
            SignatureMethod.ECDSA_SHA256,
            SignatureMethod.ECDSA_SHA384,
            SignatureMethod.ECDSA_SHA512);
    private static final Set<String> ALLOWED_DIGESTS =
            Set.of(DigestMethod.SHA256, DigestMethod.SHA384, DigestMethod.SHA512);

    private final XMLSignatureFactory factory = XMLSignatureFactory.getInstance("DOM");

    /** Signs the document in place and returns it. */
    public Document sign(Document document, PrivateKey key, X509Certificate certificate) {
        try {
            Reference reference = factory.newReference(
                    "",
                    factory.newDigestMethod(DigestMethod.SHA256, null),
                    List.of(
                            factory.newTransform(Transform.ENVELOPED, (TransformParameterSpec) null),
                            factory.newTransform(CanonicalizationMethod.EXCLUSIVE, (TransformParameterSpec) null)),
                    null,
                    null);
            String method = "EC".equals(key.getAlgorithm()) ? SignatureMethod.ECDSA_SHA256 : SignatureMethod.RSA_SHA256;
            SignedInfo signedInfo = factory.newSignedInfo(
                    factory.newCanonicalizationMethod(CanonicalizationMethod.EXCLUSIVE, (C14NMethodParameterSpec) null),
                    factory.newSignatureMethod(method, null),
                    List.of(reference));
            KeyInfoFactory kif = factory.getKeyInfoFactory();
            X509Data x509 = kif.newX509Data(
                    List.of(certificate.getSubjectX500Principal().getName(), certificate));
            KeyInfo keyInfo = kif.newKeyInfo(List.of(x509));
            Element header = header(document);
            DOMSignContext context = new DOMSignContext(key, header);
            context.setDefaultNamespacePrefix("ds");
            factory.newXMLSignature(signedInfo, keyInfo).sign(context);
            return document;
        } catch (GeneralSecurityException | MarshalException | XMLSignatureException e) {
            throw new IllegalStateException("cannot sign package", e);
        }
    }

    /**
     * Verifies the package's signature with the registered certificate of the sender.
     *
     * @throws SignatureException with the reason when it does not verify or does not cover the whole package
     */
    public void verify(Document document, X509Certificate registered) {
        NodeList signatures = document.getElementsByTagNameNS(DSIG_NS, "Signature");
        if (signatures.getLength() == 0) {
            throw new SignatureException(SignatureException.Kind.MISSING, "Gói tin không có chữ ký số (ds:Signature).");
        }
        if (signatures.getLength() > 1) {
            throw new SignatureException(
                    SignatureException.Kind.SCOPE, "Gói tin có nhiều hơn một chữ ký số; chỉ chấp nhận một chữ ký.");
        }
        Element signatureElement = (Element) signatures.item(0);
        if (!inHeader(signatureElement, document)) {
            throw new SignatureException(
                    SignatureException.Kind.SCOPE, "Chữ ký số phải nằm trong edXMLHeader của gói tin.");
        }
        DOMValidateContext context = new DOMValidateContext(registered.getPublicKey(), signatureElement);
        context.setProperty("org.jcp.xml.dsig.secureValidation", Boolean.TRUE);
        XMLSignature signature;
        try {
            signature = factory.unmarshalXMLSignature(context);
        } catch (MarshalException e) {
            throw new SignatureException(SignatureException.Kind.INVALID, "Chữ ký số không đúng cấu trúc XML-DSig.");
        }
        checkScope(signature.getSignedInfo());
        checkKeyInfo(signature.getKeyInfo(), registered);
        boolean valid;
        try {
            valid = signature.validate(context);
        } catch (XMLSignatureException e) {
            throw new SignatureException(
                    SignatureException.Kind.INVALID, "Không kiểm tra được chữ ký số: " + rootMessage(e) + ".");
        }
        if (!valid) {
            boolean valueOk;
            try {
                valueOk = signature.getSignatureValue().validate(context);
            } catch (XMLSignatureException e) {
                valueOk = false;
            }
            throw new SignatureException(
                    SignatureException.Kind.INVALID,
                    valueOk
                            ? "Nội dung gói tin đã bị thay đổi sau khi ký (giá trị băm không khớp)."
                            : "Chữ ký số không hợp lệ với chứng thư số đã đăng ký của cơ quan gửi.");
        }
    }

    private static void checkScope(SignedInfo signedInfo) {
        String method = signedInfo.getSignatureMethod().getAlgorithm();
        if (!ALLOWED_SIGNATURE_METHODS.contains(method)) {
            throw new SignatureException(
                    SignatureException.Kind.INVALID, "Thuật toán ký không được chấp nhận: " + method + ".");
        }
        List<?> references = signedInfo.getReferences();
        if (references.size() != 1) {
            throw new SignatureException(
                    SignatureException.Kind.SCOPE, "Chữ ký phải có đúng một tham chiếu (Reference URI=\"\").");
        }
        Reference reference = (Reference) references.getFirst();
        if (reference.getURI() == null || !reference.getURI().isEmpty()) {
            throw new SignatureException(
                    SignatureException.Kind.SCOPE,
                    "Chữ ký không bao trùm toàn bộ gói tin: tham chiếu phải là URI=\"\", nhận được \""
                            + reference.getURI() + "\".");
        }
        if (!ALLOWED_DIGESTS.contains(reference.getDigestMethod().getAlgorithm())) {
            throw new SignatureException(
                    SignatureException.Kind.INVALID,
                    "Thuật toán băm không được chấp nhận: "
                            + reference.getDigestMethod().getAlgorithm() + ".");
        }
        boolean enveloped = false;
        for (Object t : reference.getTransforms()) {
            String algorithm = ((Transform) t).getAlgorithm();
            if (!ALLOWED_TRANSFORMS.contains(algorithm)) {
                throw new SignatureException(
                        SignatureException.Kind.SCOPE,
                        "Phép biến đổi " + algorithm
                                + " có thể loại trừ một phần gói tin khỏi chữ ký; không được phép.");
            }
            enveloped |= Transform.ENVELOPED.equals(algorithm);
        }
        if (!enveloped) {
            throw new SignatureException(
                    SignatureException.Kind.SCOPE, "Chữ ký phải dùng phép biến đổi enveloped-signature.");
        }
    }

    private static void checkKeyInfo(KeyInfo keyInfo, X509Certificate registered) {
        if (keyInfo == null) {
            return;
        }
        List<X509Certificate> found = new ArrayList<>();
        for (Object content : keyInfo.getContent()) {
            if (content instanceof X509Data data) {
                for (Object item : data.getContent()) {
                    if (item instanceof X509Certificate c) {
                        found.add(c);
                    }
                }
            }
        }
        for (X509Certificate c : found) {
            try {
                if (!Arrays.equals(c.getEncoded(), registered.getEncoded())) {
                    throw new SignatureException(
                            SignatureException.Kind.CERTIFICATE_MISMATCH,
                            "Gói tin được ký bằng chứng thư số \""
                                    + c.getSubjectX500Principal().getName()
                                    + "\", không phải chứng thư đã đăng ký cho cơ quan gửi.");
                }
            } catch (java.security.cert.CertificateEncodingException e) {
                throw new SignatureException(SignatureException.Kind.INVALID, "Chứng thư số trong KeyInfo hỏng.");
            }
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return String.valueOf(t.getMessage());
    }

    private static Element header(Document document) {
        Element root = document.getDocumentElement();
        NodeList headers = root.getElementsByTagNameNS(EDXML_NS, "edXMLHeader");
        if (headers.getLength() != 1) {
            throw new IllegalArgumentException("document has no single edXMLHeader");
        }
        return (Element) headers.item(0);
    }

    private static boolean inHeader(Element signature, Document document) {
        Node header = signature.getParentNode();
        if (!(header instanceof Element h
                && EDXML_NS.equals(h.getNamespaceURI())
                && "edXMLHeader".equals(h.getLocalName()))) {
            return false;
        }
        Node envelope = header.getParentNode();
        Node root = document.getDocumentElement();
        return envelope instanceof Element e
                && "edXMLEnvelope".equals(e.getLocalName())
                && (envelope == root || envelope.getParentNode() == root);
    }
}
