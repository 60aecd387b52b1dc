package vn.egov.interchange.signature;

import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
import javax.xml.crypto.dsig.spec.XPathFilter2ParameterSpec;
import javax.xml.crypto.dsig.spec.XPathType;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * Chữ ký số XML — enveloped XML-DSig over a whole edXML package (or status package), with the JDK's standard
 * implementation (javax.xml.crypto, secure validation on).
 *
 * <p>Two profiles are accepted (see {@link Profile}): the whole document, or the whole document except the
 * {@code TraceHeader} elements (vết chuyển tiếp), subtracted by one XPath Filter 2.0 transform, so that each hop may
 * add its trace header while everything else — {@code Bussiness}, the message header, the manifest, the attachments —
 * stays signed.
 *
 * <p>Signing puts one {@code ds:Signature} at the end of {@code edXMLHeader}: RSA-SHA256, one reference with
 * {@code URI=""}, the enveloped-signature transform, (by default) the trace-header filter, exclusive
 * canonicalisation, and the certificate in KeyInfo.
 *
 * <p>Verification uses the key of the certificate registered for the sender, never a key found in the package, and
 * refuses any signature that covers less than one of the two profiles: exactly one signature, placed in the header,
 * exactly one reference with {@code URI=""}, only the enveloped and canonicalisation transforms, or exactly enveloped,
 * then the one trace-header filter, then at most one canonicalisation.
 */
public final class XmlSignatures {

    public static final String DSIG_NS = XMLSignature.XMLNS;
    private static final String EDXML_NS = "http://www.mic.gov.vn/TBT/QCVN_102_2016";
    /** XPath Filter 2.0 (https://www.w3.org/TR/xmldsig-filter2/), algorithm and namespace of its XPath element. */
    public static final String XPATH_FILTER2 = Transform.XPATH2;
    /** The one node set the trace-header profile subtracts: every TraceHeader of the header's TraceHeaderList. */
    public static final String TRACE_HEADERS_XPATH = "//edXML:TraceHeaderList/edXML:TraceHeader";
    /**
     * The expressions accepted as exactly {@link #TRACE_HEADERS_XPATH} (any prefix bound to the edXML namespace): the
     * short form, and the absolute path, which selects the same elements in a schema-valid package.
     */
    private static final List<Pattern> TRACE_HEADER_EXPRESSIONS = List.of(
            Pattern.compile("//([A-Za-z_][\\w.-]*):TraceHeaderList/\\1:TraceHeader"),
            Pattern.compile(
                    "/([A-Za-z_][\\w.-]*):edXML/\\1:edXMLEnvelope/\\1:edXMLHeader/\\1:TraceHeaderList/\\1:TraceHeader"));

    private static final Set<String> CANONICALISATIONS = Set.of(
            CanonicalizationMethod.EXCLUSIVE,
            CanonicalizationMethod.EXCLUSIVE_WITH_COMMENTS,
            CanonicalizationMethod.INCLUSIVE,
            CanonicalizationMethod.INCLUSIVE_WITH_COMMENTS,
            "http://www.w3.org/2006/12/xml-c14n11");
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

    /** What a package's signature covers (phạm vi chữ ký). */
    public enum Profile {
        /**
         * Everything but the signature itself (enveloped + canonicalisation): nothing may be added, so a hop reports
         * itself outside the package ({@code Edxml-Trace} HTTP header).
         */
        WHOLE_DOCUMENT,
        /**
         * Everything but the signature and the {@code TraceHeader} elements (enveloped, XPath Filter 2.0 subtracting
         * exactly {@link #TRACE_HEADERS_XPATH}, canonicalisation): each hop may append its TraceHeader.
         */
        WHOLE_DOCUMENT_EXCEPT_TRACE_HEADERS
    }

    private final XMLSignatureFactory factory = XMLSignatureFactory.getInstance("DOM");

    /** Signs the document in place with {@link Profile#WHOLE_DOCUMENT_EXCEPT_TRACE_HEADERS} and returns it. */
    public Document sign(Document document, PrivateKey key, X509Certificate certificate) {
        return sign(document, key, certificate, Profile.WHOLE_DOCUMENT_EXCEPT_TRACE_HEADERS);
    }

    /** Signs the document in place with the given profile and returns it. */
    public Document sign(Document document, PrivateKey key, X509Certificate certificate, Profile profile) {
        try {
            List<Transform> transforms = new ArrayList<>();
            transforms.add(factory.newTransform(Transform.ENVELOPED, (TransformParameterSpec) null));
            if (profile == Profile.WHOLE_DOCUMENT_EXCEPT_TRACE_HEADERS) {
                transforms.add(factory.newTransform(
                        XPATH_FILTER2,
                        new XPathFilter2ParameterSpec(List.of(new XPathType(
                                TRACE_HEADERS_XPATH, XPathType.Filter.SUBTRACT, Map.of("edXML", EDXML_NS))))));
            }
            transforms.add(factory.newTransform(CanonicalizationMethod.EXCLUSIVE, (TransformParameterSpec) null));
            Reference reference = factory.newReference(
                    "", factory.newDigestMethod(DigestMethod.SHA256, null), transforms, null, null);
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
            context.putNamespacePrefix(XPATH_FILTER2, "dsig-xpath");
            factory.newXMLSignature(signedInfo, keyInfo).sign(context);
            return document;
        } catch (GeneralSecurityException | MarshalException | XMLSignatureException e) {
            throw new IllegalStateException("cannot sign package", e);
        }
    }

    /**
     * Verifies the package's signature with the registered certificate of the sender.
     *
     * @return what the signature covers
     * @throws SignatureException with the reason when it does not verify or does not cover the whole package (less
     *     the trace headers)
     */
    public Profile verify(Document document, X509Certificate registered) {
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
        Profile profile = checkScope(signature.getSignedInfo(), signatureElement);
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
        return profile;
    }

    /**
     * The profile of a package whose signature was verified when it was accepted (no verification here): the
     * trace-header profile when its reference has the XPath Filter 2.0 transform, the whole document otherwise.
     */
    public static Profile profileOf(Document document) {
        NodeList signatures = document.getElementsByTagNameNS(DSIG_NS, "Signature");
        if (signatures.getLength() != 1) {
            return Profile.WHOLE_DOCUMENT;
        }
        Element signedInfo = firstChild((Element) signatures.item(0), DSIG_NS, "SignedInfo");
        return signedInfo != null && !filterTransforms(signedInfo).isEmpty()
                ? Profile.WHOLE_DOCUMENT_EXCEPT_TRACE_HEADERS
                : Profile.WHOLE_DOCUMENT;
    }

    private static Profile checkScope(SignedInfo signedInfo, Element signatureElement) {
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
        List<String> algorithms = new ArrayList<>();
        for (Object t : reference.getTransforms()) {
            algorithms.add(((Transform) t).getAlgorithm());
        }
        if (algorithms.contains(XPATH_FILTER2)) {
            checkTraceHeaderProfile(algorithms, signatureElement);
            return Profile.WHOLE_DOCUMENT_EXCEPT_TRACE_HEADERS;
        }
        boolean enveloped = false;
        for (String algorithm : algorithms) {
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
        return Profile.WHOLE_DOCUMENT;
    }

    /**
     * The trace-header profile, exactly: transforms enveloped-signature, one XPath Filter 2.0 with one
     * {@code subtract} of {@link #TRACE_HEADERS_XPATH}, then at most one canonicalisation; anything that would
     * subtract more (another expression, a union, more filters, another prefix binding) is refused.
     */
    private static void checkTraceHeaderProfile(List<String> algorithms, Element signatureElement) {
        boolean shape = algorithms.size() >= 2
                && algorithms.size() <= 3
                && Transform.ENVELOPED.equals(algorithms.get(0))
                && XPATH_FILTER2.equals(algorithms.get(1))
                && (algorithms.size() == 2 || CANONICALISATIONS.contains(algorithms.get(2)));
        if (!shape) {
            throw new SignatureException(
                    SignatureException.Kind.SCOPE,
                    "Chữ ký dùng bộ lọc XPath Filter 2.0 chỉ được chấp nhận với đúng các phép biến đổi: enveloped-signature,"
                            + " một bộ lọc loại trừ TraceHeader, rồi nhiều nhất một phép chuẩn hóa; nhận được "
                            + algorithms + ".");
        }
        Element signedInfo = firstChild(signatureElement, DSIG_NS, "SignedInfo");
        List<Element> filters = signedInfo == null ? List.of() : filterTransforms(signedInfo);
        if (filters.size() != 1) {
            throw new SignatureException(
                    SignatureException.Kind.SCOPE, "Chữ ký phải có đúng một bộ lọc XPath Filter 2.0.");
        }
        List<Element> xpaths = new ArrayList<>();
        for (Node n = filters.getFirst().getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e) {
                xpaths.add(e);
            }
        }
        if (xpaths.size() != 1
                || !XPATH_FILTER2.equals(xpaths.getFirst().getNamespaceURI())
                || !"XPath".equals(xpaths.getFirst().getLocalName())) {
            throw new SignatureException(
                    SignatureException.Kind.SCOPE,
                    "Bộ lọc XPath Filter 2.0 phải có đúng một biểu thức XPath (nhận được " + xpaths.size() + ").");
        }
        Element xpath = xpaths.getFirst();
        String filter = xpath.getAttribute("Filter");
        Node text = xpath.getFirstChild();
        String expression = text == null ? "" : String.valueOf(text.getNodeValue());
        boolean oneText = text != null
                && text.getNextSibling() == null
                && (text.getNodeType() == Node.TEXT_NODE || text.getNodeType() == Node.CDATA_SECTION_NODE);
        String trimmed = expression.strip();
        String prefix = null;
        for (Pattern p : TRACE_HEADER_EXPRESSIONS) {
            Matcher m = p.matcher(trimmed);
            if (m.matches()) {
                prefix = m.group(1);
            }
        }
        if (!"subtract".equals(filter)
                || !oneText
                || prefix == null
                || !EDXML_NS.equals(xpath.lookupNamespaceURI(prefix))) {
            throw new SignatureException(
                    SignatureException.Kind.SCOPE,
                    "Bộ lọc XPath Filter 2.0 (Filter=\"" + filter + "\", \""
                            + (oneText ? trimmed : xpath.getTextContent())
                            + "\") có thể loại khỏi chữ ký nhiều hơn các TraceHeader; chỉ chấp nhận Filter=\"subtract\""
                            + " với \"" + TRACE_HEADERS_XPATH + "\" (tiền tố gắn với " + EDXML_NS + ").");
        }
    }

    private static List<Element> filterTransforms(Element signedInfo) {
        List<Element> found = new ArrayList<>();
        NodeList transforms = signedInfo.getElementsByTagNameNS(DSIG_NS, "Transform");
        for (int i = 0; i < transforms.getLength(); i++) {
            Element t = (Element) transforms.item(i);
            if (XPATH_FILTER2.equals(t.getAttribute("Algorithm"))) {
                found.add(t);
            }
        }
        return found;
    }

    private static Element firstChild(Element parent, String namespace, String localName) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && namespace.equals(e.getNamespaceURI()) && localName.equals(e.getLocalName())) {
                return e;
            }
        }
        return null;
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
