package vn.egov.interchange.testing;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.xml.crypto.dsig.CanonicalizationMethod;
import javax.xml.crypto.dsig.DigestMethod;
import javax.xml.crypto.dsig.SignatureMethod;
import javax.xml.crypto.dsig.Transform;
import javax.xml.crypto.dsig.XMLSignatureFactory;
import javax.xml.crypto.dsig.dom.DOMSignContext;
import javax.xml.crypto.dsig.keyinfo.KeyInfoFactory;
import javax.xml.crypto.dsig.spec.C14NMethodParameterSpec;
import javax.xml.crypto.dsig.spec.TransformParameterSpec;
import javax.xml.crypto.dsig.spec.XPathFilter2ParameterSpec;
import javax.xml.crypto.dsig.spec.XPathType;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import vn.egov.interchange.edxml.Edxml;
import vn.egov.interchange.edxml.EdxmlPackage;

/**
 * A sender whose signing tool chooses its own reference transforms, e.g. an XPath Filter 2.0 that subtracts more than
 * the trace headers: the signature is cryptographically valid, only its scope is wrong.
 */
public final class CustomSignatures {

    public static final String EDXML = EdxmlPackage.NS;
    static final XMLSignatureFactory FACTORY = XMLSignatureFactory.getInstance("DOM");

    private CustomSignatures() {}

    /** One XPath Filter 2.0 expression with the prefix {@code edXML} bound to the edXML namespace. */
    public static XPathType subtract(String expression) {
        return new XPathType(expression, XPathType.Filter.SUBTRACT, Map.of("edXML", EDXML));
    }

    public static XPathType xpath(String expression, XPathType.Filter filter, Map<String, String> namespaces) {
        return new XPathType(expression, filter, namespaces);
    }

    public static Transform enveloped() throws Exception {
        return FACTORY.newTransform(Transform.ENVELOPED, (TransformParameterSpec) null);
    }

    public static Transform exclusive() throws Exception {
        return FACTORY.newTransform(CanonicalizationMethod.EXCLUSIVE, (TransformParameterSpec) null);
    }

    public static Transform filter(XPathType... xpaths) throws Exception {
        return FACTORY.newTransform(Transform.XPATH2, new XPathFilter2ParameterSpec(List.of(xpaths)));
    }

    /** Signs the package with one {@code URI=""} reference and the given transforms; returns the serialised bytes. */
    public static byte[] sign(Document document, PrivateKey key, X509Certificate certificate, Transform... transforms)
            throws Exception {
        var reference = FACTORY.newReference(
                "",
                FACTORY.newDigestMethod(DigestMethod.SHA256, null),
                new ArrayList<>(List.of(transforms)),
                null,
                null);
        var signedInfo = FACTORY.newSignedInfo(
                FACTORY.newCanonicalizationMethod(CanonicalizationMethod.EXCLUSIVE, (C14NMethodParameterSpec) null),
                FACTORY.newSignatureMethod(SignatureMethod.RSA_SHA256, null),
                List.of(reference));
        KeyInfoFactory kif = FACTORY.getKeyInfoFactory();
        var keyInfo = kif.newKeyInfo(List.of(kif.newX509Data(List.of(certificate))));
        Element header =
                (Element) document.getElementsByTagNameNS(EDXML, "edXMLHeader").item(0);
        DOMSignContext context = new DOMSignContext(key, header);
        context.setDefaultNamespacePrefix("ds");
        FACTORY.newXMLSignature(signedInfo, keyInfo).sign(context);
        return Edxml.toBytes(document);
    }
}
