package vn.egov.interchange.edxml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;
import vn.egov.interchange.edxml.EdxmlPackage.Organisation;
import vn.egov.interchange.edxml.EdxmlPackage.ResponseFor;
import vn.egov.interchange.edxml.EdxmlPackage.StaffInfo;
import vn.egov.interchange.testing.SamplePackages;

class EdxmlRoundTripTest {

    final Edxml edxml = new Edxml(new EdxmlLimits(1024 * 1024, 64 * 1024, 3));

    @Test
    void aPackageWithEveryElementSurvivesWriteThenRead() {
        EdxmlPackage original = SamplePackages.aPackage()
                .everything()
                .to("000.00.00.H57", "G12")
                .toPlaces("Lưu: VT, TTĐT", "000.00.00.H41")
                .priority(3)
                .build();

        byte[] xml = Edxml.toBytes(edxml.writePackage(original));
        EdxmlPackage read = edxml.readPackage(xml).value();

        assertThat(read).isEqualTo(original);
        assertThat(read.header().expectedDocumentId()).isEqualTo(read.header().documentId());
        assertThat(read.business().bussinessDocType()).isEqualTo(2);
        assertThat(read.business().documentInfo().receivers()).hasSize(2);
        assertThat(new String(xml, StandardCharsets.UTF_8))
                .contains("<edXML:Bussiness>")
                .contains("xlink:href=\"cid:att-1\"")
                .contains("<edXML:PromulgationDate>2026/03/02</edXML:PromulgationDate>")
                .contains("Hoàng Hoa Thám");
    }

    @Test
    void aMinimalPackageRoundTripsToo() {
        EdxmlPackage original = SamplePackages.aPackage().attachmentBytes(null).build();
        assertThat(edxml.readPackage(Edxml.toBytes(edxml.writePackage(original)))
                        .value())
                .isEqualTo(original);
    }

    @Test
    void statusPackagesRoundTrip() {
        StatusPackage status = new StatusPackage(
                new ResponseFor(
                        "000.00.00.G22",
                        "7816/VPCP-TTĐT",
                        java.time.LocalDate.of(2026, 3, 2),
                        "000.00.00.G22,2026/03/02,7816/VPCP-TTĐT"),
                Organisation.of("000.00.00.H57", "UBND thành phố Huế"),
                "03",
                "Đã tiếp nhận",
                LocalDateTime.of(2026, 3, 2, 9, 15, 0),
                new StaffInfo("Văn thư", "Lê Văn Dũng", null, "vanthu@hue.gov.vn"));
        assertThat(edxml.readStatus(Edxml.toBytes(edxml.writeStatus(status))).value())
                .isEqualTo(status);
    }

    @Test
    void doctypeAndEntitiesAreRefusedBeforeAnythingIsRead() {
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                + "<edXML:edXML xmlns:edXML=\"http://www.mic.gov.vn/TBT/QCVN_102_2016\">&x;</edXML:edXML>";
        assertThatThrownBy(() -> edxml.readPackage(xxe.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOfSatisfying(EdxmlException.class, e -> assertThat(e.kind())
                        .isEqualTo(EdxmlException.Kind.FORBIDDEN_CONSTRUCT));

        String laughs = "<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\">"
                + "<!ENTITY lol2 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">]><lolz>&lol2;</lolz>";
        assertThatThrownBy(() -> edxml.readPackage(laughs.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOfSatisfying(EdxmlException.class, e -> assertThat(e.kind())
                        .isEqualTo(EdxmlException.Kind.FORBIDDEN_CONSTRUCT));
    }

    @Test
    void deeplyNestedXmlIsRefused() {
        String deep = "<a>".repeat(200) + "</a>".repeat(200);
        assertThatThrownBy(() -> edxml.readPackage(deep.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOfSatisfying(EdxmlException.class, e -> assertThat(e.kind())
                        .isIn(EdxmlException.Kind.TOO_LARGE, EdxmlException.Kind.MALFORMED));
    }

    @Test
    void schemaViolationsAndBadDatesAreNamed() {
        String xml = new String(
                Edxml.toBytes(edxml.writePackage(SamplePackages.aPackage().build())), StandardCharsets.UTF_8);
        String badDate = xml.replace("2026/03/02</edXML:PromulgationDate>", "02-03-2026</edXML:PromulgationDate>");
        assertThatThrownBy(() -> edxml.readPackage(badDate.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOfSatisfying(
                        SecureXml.SchemaViolation.class,
                        e -> assertThat(e.reasons().toString()).contains("02-03-2026"));

        String impossibleDate =
                xml.replace("2026/03/02</edXML:PromulgationDate>", "2026/02/30</edXML:PromulgationDate>");
        assertThatThrownBy(() -> edxml.readPackage(impossibleDate.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOfSatisfying(EdxmlException.class, e -> assertThat(e.field())
                        .isEqualTo("PromulgationInfo/PromulgationDate"));

        String noSubject = xml.replaceAll("<edXML:Subject>[^<]*</edXML:Subject>", "");
        assertThatThrownBy(() -> edxml.readPackage(noSubject.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(SecureXml.SchemaViolation.class);
    }

    @Test
    void manifestEntryWithoutItsAttachmentIsRefused() {
        String xml = new String(
                Edxml.toBytes(edxml.writePackage(SamplePackages.aPackage().build())), StandardCharsets.UTF_8);
        String orphan = xml.replaceAll("<edXML:AttachmentEncoded>.*</edXML:AttachmentEncoded>", "");
        assertThatThrownBy(() -> edxml.readPackage(orphan.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOfSatisfying(EdxmlException.class, e -> {
                    assertThat(e.kind()).isEqualTo(EdxmlException.Kind.MANIFEST);
                    assertThat(e.getMessage()).contains("att-1");
                });
    }

    @Test
    void oversizedPackagesAndAttachmentsAreRefused() {
        byte[] big = new byte[65 * 1024];
        byte[] xml = Edxml.toBytes(edxml.writePackage(
                SamplePackages.aPackage().attachmentBytes(big).build()));
        assertThatThrownBy(() -> edxml.readPackage(xml)).isInstanceOfSatisfying(EdxmlException.class, e -> {
            assertThat(e.kind()).isEqualTo(EdxmlException.Kind.TOO_LARGE);
            assertThat(e.field()).isEqualTo("Attachment[att-1]");
        });
        Edxml small = new Edxml(new EdxmlLimits(1000, 1000, 3));
        assertThatThrownBy(() -> small.readPackage(xml))
                .isInstanceOfSatisfying(
                        EdxmlException.class, e -> assertThat(e.field()).isEqualTo("body"));
    }

    @Test
    void aPackageWithTheWrongRootIsRefused() {
        assertThatThrownBy(() -> edxml.readPackage("<html/>".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOfSatisfying(
                        EdxmlException.class, e -> assertThat(e.getMessage()).contains("edXML"));
    }
}
