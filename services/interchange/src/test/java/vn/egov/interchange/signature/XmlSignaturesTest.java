package vn.egov.interchange.signature;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static vn.egov.interchange.testing.CustomSignatures.enveloped;
import static vn.egov.interchange.testing.CustomSignatures.exclusive;
import static vn.egov.interchange.testing.CustomSignatures.filter;
import static vn.egov.interchange.testing.CustomSignatures.subtract;
import static vn.egov.interchange.testing.CustomSignatures.xpath;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import javax.xml.crypto.dsig.Transform;
import javax.xml.crypto.dsig.spec.XPathType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import vn.egov.interchange.edxml.Edxml;
import vn.egov.interchange.edxml.EdxmlLimits;
import vn.egov.interchange.pki.DevelopmentCa;
import vn.egov.interchange.testing.CustomSignatures;
import vn.egov.interchange.testing.SamplePackages;

class XmlSignaturesTest {

    static final DevelopmentCa CA = DevelopmentCa.generate(Clock.systemUTC());
    static final DevelopmentCa.Issued VPCP = CA.issue("000.00.00.G22", "Văn phòng Chính phủ", Duration.ofDays(365));
    static final DevelopmentCa.Issued HUE = CA.issue("000.00.00.H57", "UBND thành phố Huế", Duration.ofDays(365));

    final Edxml edxml = new Edxml(EdxmlLimits.defaults());
    final XmlSignatures signatures = new XmlSignatures();

    byte[] signedPackage() {
        Document doc = edxml.writePackage(SamplePackages.aPackage().build());
        signatures.sign(doc, VPCP.privateKey(), VPCP.certificate());
        return Edxml.toBytes(doc);
    }

    Document reparse(byte[] xml) {
        return edxml.readPackage(xml).document();
    }

    @Test
    void aSignedPackageVerifiesAfterSerialisationWithTheRegisteredCertificate() {
        byte[] xml = signedPackage();
        assertThat(new String(xml, StandardCharsets.UTF_8))
                .contains("<ds:Signature")
                .contains("URI=\"\"");
        assertThatCode(() -> signatures.verify(reparse(xml), VPCP.certificate()))
                .doesNotThrowAnyException();
    }

    @Test
    void anyChangeAfterSigningIsDetectedIncludingTheAttachments() {
        String xml = new String(signedPackage(), StandardCharsets.UTF_8);
        String tamperedSubject = xml.replace("Về việc triển khai", "Về việc hủy bỏ");
        assertThatThrownBy(() -> signatures.verify(
                        reparse(tamperedSubject.getBytes(StandardCharsets.UTF_8)), VPCP.certificate()))
                .isInstanceOfSatisfying(
                        SignatureException.class, e -> assertThat(e.kind()).isEqualTo(SignatureException.Kind.INVALID));

        String body = xml.substring(xml.indexOf("<edXML:ContentTransferEncoded>") + 30);
        String tamperedAttachment = xml.replace(
                "<edXML:ContentTransferEncoded>" + body.charAt(0),
                "<edXML:ContentTransferEncoded>" + (body.charAt(0) == 'J' ? 'K' : 'J'));
        assertThatThrownBy(() -> signatures.verify(
                        reparse(tamperedAttachment.getBytes(StandardCharsets.UTF_8)), VPCP.certificate()))
                .isInstanceOf(SignatureException.class)
                .hasMessageContaining("thay đổi");
    }

    @Test
    void aPackageSignedWithAnotherAgencysCertificateIsRefused() {
        Document doc = edxml.writePackage(SamplePackages.aPackage().build());
        signatures.sign(doc, HUE.privateKey(), HUE.certificate());
        byte[] xml = Edxml.toBytes(doc);
        assertThatThrownBy(() -> signatures.verify(reparse(xml), VPCP.certificate()))
                .isInstanceOfSatisfying(SignatureException.class, e -> assertThat(e.kind())
                        .isEqualTo(SignatureException.Kind.CERTIFICATE_MISMATCH));
    }

    @Test
    void aForeignKeyWithTheRegisteredCertificateInKeyInfoStillFails() {
        Document doc = edxml.writePackage(SamplePackages.aPackage().build());
        signatures.sign(doc, HUE.privateKey(), VPCP.certificate()); // claims to be VPCP
        byte[] xml = Edxml.toBytes(doc);
        assertThatThrownBy(() -> signatures.verify(reparse(xml), VPCP.certificate()))
                .isInstanceOfSatisfying(
                        SignatureException.class, e -> assertThat(e.kind()).isEqualTo(SignatureException.Kind.INVALID));
    }

    @Test
    void anUnsignedPackageIsRefused() {
        byte[] xml = Edxml.toBytes(edxml.writePackage(SamplePackages.aPackage().build()));
        assertThatThrownBy(() -> signatures.verify(reparse(xml), VPCP.certificate()))
                .isInstanceOfSatisfying(
                        SignatureException.class, e -> assertThat(e.kind()).isEqualTo(SignatureException.Kind.MISSING));
    }

    @Test
    void aSignatureOverOnlyPartOfThePackageIsRefused() {
        String xml = new String(signedPackage(), StandardCharsets.UTF_8);
        String partial = xml.replace("URI=\"\"", "URI=\"#header\"");
        assertThatThrownBy(
                        () -> signatures.verify(reparse(partial.getBytes(StandardCharsets.UTF_8)), VPCP.certificate()))
                .isInstanceOfSatisfying(
                        SignatureException.class, e -> assertThat(e.kind()).isEqualTo(SignatureException.Kind.SCOPE));
    }

    // --- the trace-header profile: hops may add TraceHeader elements, nothing else

    byte[] signedWith(XmlSignatures.Profile profile) {
        Document doc = edxml.writePackage(SamplePackages.aPackage().everything().build());
        signatures.sign(doc, VPCP.privateKey(), VPCP.certificate(), profile);
        return Edxml.toBytes(doc);
    }

    /** Adds a TraceHeader after the last one, in the DOM, as a hop would. */
    static byte[] withHop(byte[] xml, String organId) {
        Document doc = new Edxml(EdxmlLimits.defaults()).readPackage(xml).document();
        Element list = (Element) doc.getElementsByTagNameNS(CustomSignatures.EDXML, "TraceHeaderList")
                .item(0);
        Element trace = doc.createElementNS(CustomSignatures.EDXML, "edXML:TraceHeader");
        Element organ = doc.createElementNS(CustomSignatures.EDXML, "edXML:OrganId");
        organ.setTextContent(organId);
        Element time = doc.createElementNS(CustomSignatures.EDXML, "edXML:Timestamp");
        time.setTextContent("2026/03/02 09:00:00");
        trace.appendChild(organ);
        trace.appendChild(time);
        Element last = (Element) doc.getElementsByTagNameNS(CustomSignatures.EDXML, "TraceHeader")
                .item(0);
        list.insertBefore(trace, last.getNextSibling());
        return Edxml.toBytes(doc);
    }

    SignatureException refusal(byte[] xml) {
        try {
            signatures.verify(reparse(xml), VPCP.certificate());
        } catch (SignatureException e) {
            return e;
        }
        throw new AssertionError("accepted");
    }

    @Test
    void ourSignerLeavesOutExactlyTheTraceHeadersByDefault() {
        byte[] xml = signedPackage();
        assertThat(new String(xml, StandardCharsets.UTF_8))
                .contains("Algorithm=\"http://www.w3.org/2002/06/xmldsig-filter2\"")
                .contains("Filter=\"subtract\"")
                .contains(">//edXML:TraceHeaderList/edXML:TraceHeader<");
        assertThat(signatures.verify(reparse(xml), VPCP.certificate()))
                .isEqualTo(XmlSignatures.Profile.WHOLE_DOCUMENT_EXCEPT_TRACE_HEADERS);
        assertThat(XmlSignatures.profileOf(reparse(xml)))
                .isEqualTo(XmlSignatures.Profile.WHOLE_DOCUMENT_EXCEPT_TRACE_HEADERS);
        byte[] whole = signedWith(XmlSignatures.Profile.WHOLE_DOCUMENT);
        assertThat(signatures.verify(reparse(whole), VPCP.certificate()))
                .isEqualTo(XmlSignatures.Profile.WHOLE_DOCUMENT);
        assertThat(XmlSignatures.profileOf(reparse(whole))).isEqualTo(XmlSignatures.Profile.WHOLE_DOCUMENT);
    }

    @Test
    void hopsMayAppendTraceHeadersOnlyWhenTheSignatureLeavesThemOut() {
        byte[] twoHops = withHop(
                withHop(signedWith(XmlSignatures.Profile.WHOLE_DOCUMENT_EXCEPT_TRACE_HEADERS), "000.00.00.G22"),
                "000.00.00.H57");
        var parsed = new Edxml(EdxmlLimits.defaults()).readPackage(twoHops);
        assertThat(parsed.value().traces()).hasSize(3);
        assertThatCode(() -> signatures.verify(parsed.document(), VPCP.certificate()))
                .doesNotThrowAnyException();

        byte[] whole = withHop(signedWith(XmlSignatures.Profile.WHOLE_DOCUMENT), "000.00.00.G22");
        assertThat(refusal(whole).kind()).isEqualTo(SignatureException.Kind.INVALID);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "Cập nhật danh sách nơi nhận|Thu hồi toàn bộ văn bản", // Bussiness/BussinessDocReason
                "<edXML:ReceiverType>1</edXML:ReceiverType>|<edXML:ReceiverType>0</edXML:ReceiverType>", // Bussiness
                "Về việc triển khai|Về việc hủy bỏ", // Subject
                "7816-VPCP.pdf|7816-VPCP-sua.pdf", // manifest and attachment names
                "<edXML:ContentType>application/pdf|<edXML:ContentType>text/html", // manifest
                "</edXML:TraceHeader>|</edXML:TraceHeader> " // text between trace headers is still signed
            })
    void withTraceHeadersLeftOutAnyOtherChangeIsStillDetected(String change) {
        String[] fromTo = change.split("\\|");
        String xml = new String(
                withHop(signedWith(XmlSignatures.Profile.WHOLE_DOCUMENT_EXCEPT_TRACE_HEADERS), "000.00.00.G22"),
                StandardCharsets.UTF_8);
        assertThat(xml).contains(fromTo[0]);
        String tampered = xml.replaceFirst(java.util.regex.Pattern.quote(fromTo[0]), fromTo[1]);
        assertThat(refusal(tampered.getBytes(StandardCharsets.UTF_8)).kind())
                .isEqualTo(SignatureException.Kind.INVALID);
    }

    @Test
    void aChangedAttachmentIsDetectedWithTheTraceHeaderProfile() {
        String xml = new String(
                signedWith(XmlSignatures.Profile.WHOLE_DOCUMENT_EXCEPT_TRACE_HEADERS), StandardCharsets.UTF_8);
        int at = xml.indexOf("<edXML:ContentTransferEncoded>") + 30;
        String tampered = xml.substring(0, at) + (xml.charAt(at) == 'J' ? 'K' : 'J') + xml.substring(at + 1);
        assertThat(refusal(tampered.getBytes(StandardCharsets.UTF_8)).getMessage())
                .contains("thay đổi");
    }

    Document unsignedFull() {
        return edxml.writePackage(SamplePackages.aPackage().everything().build());
    }

    byte[] custom(Transform... transforms) throws Exception {
        return CustomSignatures.sign(unsignedFull(), VPCP.privateKey(), VPCP.certificate(), transforms);
    }

    @Test
    void theEquivalentFormsOfTheTraceHeaderFilterAreAccepted() throws Exception {
        Map<String, String> q = Map.of("q", CustomSignatures.EDXML);
        for (byte[] xml : new byte[][] {
            custom(enveloped(), filter(subtract("//edXML:TraceHeaderList/edXML:TraceHeader"))),
            custom(enveloped(), filter(subtract("  //edXML:TraceHeaderList/edXML:TraceHeader\n")), exclusive()),
            custom(
                    enveloped(),
                    filter(xpath("//q:TraceHeaderList/q:TraceHeader", XPathType.Filter.SUBTRACT, q)),
                    exclusive()),
            custom(
                    enveloped(),
                    filter(
                            subtract(
                                    "/edXML:edXML/edXML:edXMLEnvelope/edXML:edXMLHeader/edXML:TraceHeaderList/edXML:TraceHeader")),
                    exclusive())
        }) {
            assertThat(signatures.verify(reparse(withHop(xml, "000.00.00.G22")), VPCP.certificate()))
                    .isEqualTo(XmlSignatures.Profile.WHOLE_DOCUMENT_EXCEPT_TRACE_HEADERS);
        }
    }

    @Test
    void aFilterThatLeavesOutMoreThanTheTraceHeadersIsRefusedEvenThoughItsSignatureIsValid() throws Exception {
        Map<String, String> other = Map.of("edXML", "urn:other");
        for (byte[] xml : new byte[][] {
            custom(enveloped(), filter(subtract("//edXML:TraceHeaderList")), exclusive()), // Bussiness too
            custom(enveloped(), filter(subtract("//edXML:TraceHeaderList/*")), exclusive()),
            custom(
                    enveloped(),
                    filter(subtract("//edXML:TraceHeaderList/edXML:TraceHeader | //edXML:edXMLBody")),
                    exclusive()),
            custom(enveloped(), filter(subtract("//edXML:TraceHeader")), exclusive()),
            custom(enveloped(), filter(subtract("//edXML:Bussiness")), exclusive()),
            custom(
                    enveloped(),
                    filter(
                            subtract("//edXML:TraceHeaderList/edXML:TraceHeader"),
                            subtract("//edXML:AttachmentEncoded")),
                    exclusive()),
            custom(
                    enveloped(),
                    filter(xpath(
                            "//edXML:TraceHeaderList/edXML:TraceHeader",
                            XPathType.Filter.INTERSECT,
                            Map.of("edXML", CustomSignatures.EDXML))),
                    exclusive()),
            custom(
                    enveloped(),
                    filter(xpath("//edXML:TraceHeaderList/edXML:TraceHeader", XPathType.Filter.SUBTRACT, other)),
                    exclusive()),
            custom(
                    enveloped(),
                    filter(subtract("//edXML:TraceHeaderList/edXML:TraceHeader")),
                    filter(subtract("//edXML:TraceHeaderList/edXML:TraceHeader"))),
            custom(filter(subtract("//edXML:TraceHeaderList/edXML:TraceHeader")), enveloped(), exclusive()),
            custom(enveloped(), exclusive(), filter(subtract("//edXML:TraceHeaderList/edXML:TraceHeader")))
        }) {
            assertThatCode(() -> new XmlSignatures()
                            .verify(reparse(xml), VPCP.certificate())
                            .hashCode())
                    .isInstanceOfSatisfying(
                            SignatureException.class,
                            e -> assertThat(e.kind()).as(e.getMessage()).isEqualTo(SignatureException.Kind.SCOPE));
        }
    }
}
