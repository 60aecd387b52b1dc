package vn.egov.interchange.signature;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import vn.egov.interchange.edxml.Edxml;
import vn.egov.interchange.edxml.EdxmlLimits;
import vn.egov.interchange.pki.DevelopmentCa;
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
}
