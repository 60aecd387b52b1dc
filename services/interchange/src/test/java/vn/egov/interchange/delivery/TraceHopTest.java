package vn.egov.interchange.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.Charset;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.w3c.dom.Document;
import vn.egov.interchange.agency.Hashes;
import vn.egov.interchange.edxml.Edxml;
import vn.egov.interchange.edxml.EdxmlLimits;
import vn.egov.interchange.edxml.EdxmlPackage;
import vn.egov.interchange.pki.DevelopmentCa;
import vn.egov.interchange.signature.SignatureException;
import vn.egov.interchange.signature.XmlSignatures;
import vn.egov.interchange.testing.SamplePackages;

class TraceHopTest {

    static final DevelopmentCa CA = DevelopmentCa.generate(Clock.systemUTC());
    static final DevelopmentCa.Issued VPCP = CA.issue("000.00.00.G22", "Văn phòng Chính phủ", Duration.ofDays(365));
    static final Clock AT_0915 = Clock.fixed(Instant.parse("2026-03-02T02:15:00Z"), ZoneOffset.UTC);
    static final String HOP = "<edXML:TraceHeader><edXML:OrganId>000.00.00.G22</edXML:OrganId>"
            + "<edXML:Timestamp>2026/03/02 09:15:00</edXML:Timestamp></edXML:TraceHeader>";

    final Edxml edxml = new Edxml(EdxmlLimits.defaults());
    final XmlSignatures signatures = new XmlSignatures();
    final TraceHop axis = new TraceHop(AT_0915, "000.00.00.G22");

    byte[] signed(XmlSignatures.Profile profile, UnaryOperator<String> unsignedText) {
        String unsigned = new String(
                Edxml.toBytes(edxml.writePackage(
                        SamplePackages.aPackage().everything().build())),
                StandardCharsets.UTF_8);
        Document doc = edxml.readPackage(unsignedText.apply(unsigned).getBytes(StandardCharsets.UTF_8))
                .document();
        signatures.sign(doc, VPCP.privateKey(), VPCP.certificate(), profile);
        return Edxml.toBytes(doc);
    }

    Edxml.Parsed<EdxmlPackage> verified(byte[] xml) {
        var parsed = edxml.readPackage(xml);
        signatures.verify(parsed.document(), VPCP.certificate());
        return parsed;
    }

    @Test
    void theAxisAppendsItsTraceHeaderAndTheSendersSignatureStillVerifies() {
        byte[] stored = signed(XmlSignatures.Profile.WHOLE_DOCUMENT_EXCEPT_TRACE_HEADERS, UnaryOperator.identity());

        TraceHop.Handed handed = axis.handOver(stored, Hashes.sha256Hex(stored));

        assertThat(handed.inPackage()).isTrue();
        assertThat(handed.trace()).isEqualTo("TRUC-LIEN-THONG,2026/03/02 09:15:00");
        assertThat(handed.sha256()).isEqualTo(Hashes.sha256Hex(handed.content()));
        String text = new String(handed.content(), StandardCharsets.UTF_8);
        // the received bytes, with exactly one trace header added right after the sender's
        assertThat(text).contains("</edXML:TraceHeader>" + HOP + "<edXML:Bussiness>");
        assertThat(text.replace(HOP, "")).isEqualTo(new String(stored, StandardCharsets.UTF_8));
        var parsed = verified(handed.content());
        assertThat(parsed.value().traces())
                .containsExactly(
                        new EdxmlPackage.TraceHeader("000.00.00.G22", LocalDateTime.of(2026, 3, 2, 8, 30)),
                        new EdxmlPackage.TraceHeader("000.00.00.G22", LocalDateTime.of(2026, 3, 2, 9, 15)));
    }

    @Test
    void eachFurtherHopAddsItsOwnAfterThePreviousOnes() {
        byte[] stored = signed(XmlSignatures.Profile.WHOLE_DOCUMENT_EXCEPT_TRACE_HEADERS, UnaryOperator.identity());
        byte[] first = axis.handOver(stored, Hashes.sha256Hex(stored)).content();
        TraceHop province = new TraceHop(Clock.offset(AT_0915, Duration.ofMinutes(5)), "000.00.00.H57");
        byte[] second = province.handOver(first, Hashes.sha256Hex(first)).content();

        assertThat(verified(second).value().traces())
                .extracting(
                        EdxmlPackage.TraceHeader::organId,
                        t -> t.timestamp().toLocalTime().toString())
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("000.00.00.G22", "08:30"),
                        org.assertj.core.groups.Tuple.tuple("000.00.00.G22", "09:15"),
                        org.assertj.core.groups.Tuple.tuple("000.00.00.H57", "09:20"));
    }

    @Test
    void aPackageSignedOverTheWholeDocumentIsHandedOverByteForByte() {
        byte[] stored = signed(XmlSignatures.Profile.WHOLE_DOCUMENT, UnaryOperator.identity());
        TraceHop.Handed handed = axis.handOver(stored, "stored-hash");
        assertThat(handed.inPackage()).isFalse();
        assertThat(handed.content()).isSameAs(stored);
        assertThat(handed.sha256()).isEqualTo("stored-hash");
        assertThat(handed.trace()).isEqualTo("TRUC-LIEN-THONG,2026/03/02 09:15:00");
        assertThatCode(() -> verified(handed.content())).doesNotThrowAnyException();
        // appending there would have broken the sender's signature
        Document doc = edxml.readPackage(stored).document();
        byte[] forced = TraceHop.appendTraceHeader(stored, doc, "000.00.00.G22", "2026/03/02 09:15:00");
        assertThatThrownBy(() -> verified(forced)).isInstanceOf(SignatureException.class);
    }

    /** Ways a sender's tool may write a package that a byte-level insertion must not be fooled by. */
    enum Layout {
        COMMENTS_AND_INSTRUCTIONS(s -> s.replace(
                "<edXML:TraceHeaderList>",
                "<!-- <edXML:TraceHeader> </edXML:TraceHeaderList> --><?egov note <a> ?>"
                        + "<edXML:TraceHeaderList><!-- </edXML:TraceHeader> -->")),
        CDATA_WITH_MARKUP(s ->
                s.replace("Về việc triển khai", "<![CDATA[Về việc <edXML:TraceHeader> và </edXML:TraceHeaderList>]]>")),
        ATTRIBUTE_WITH_GREATER_THAN(
                s -> s.replace("xlink:type=\"simple\"", "xlink:type=\"simple\" xlink:title=\"a &gt; b/&gt;\""),
                // the serialiser escapes '>' in attribute values; another tool may not (same value, same signature)
                s -> s.replaceAll("xlink:title=\"[^\"]*\"", "xlink:title='a > b/>'")),
        INDENTED(s -> s.replace("<edXML:TraceHeaderList>", "<edXML:TraceHeaderList>\n      ")
                .replace("</edXML:TraceHeader>", "</edXML:TraceHeader>\n      ")),
        DEFAULT_NAMESPACE(
                s -> s.replace("xmlns:edXML=", "xmlns=").replace("<edXML:", "<").replace("</edXML:", "</")),
        SEVERAL_SENDER_TRACE_HEADERS(s -> s.replace(
                "</edXML:TraceHeader>",
                "</edXML:TraceHeader><edXML:TraceHeader><edXML:OrganId>000.00.12.G22</edXML:OrganId>"
                        + "<edXML:Timestamp>2026/03/02 08:45:00</edXML:Timestamp></edXML:TraceHeader>"));

        final UnaryOperator<String> edit;
        final UnaryOperator<String> afterSigning;

        Layout(UnaryOperator<String> edit) {
            this(edit, UnaryOperator.identity());
        }

        Layout(UnaryOperator<String> edit, UnaryOperator<String> afterSigning) {
            this.edit = edit;
            this.afterSigning = afterSigning;
        }
    }

    @ParameterizedTest
    @EnumSource(Layout.class)
    void theTraceHeaderLandsInTheRightPlaceWhateverTheLayout(Layout layout) {
        byte[] stored = layout.afterSigning
                .apply(new String(
                        signed(XmlSignatures.Profile.WHOLE_DOCUMENT_EXCEPT_TRACE_HEADERS, layout.edit),
                        StandardCharsets.UTF_8))
                .getBytes(StandardCharsets.UTF_8);
        assertThatCode(() -> verified(stored)).doesNotThrowAnyException();
        assertThat(new String(stored, StandardCharsets.UTF_8))
                .isNotEqualTo(new String(
                        signed(XmlSignatures.Profile.WHOLE_DOCUMENT_EXCEPT_TRACE_HEADERS, UnaryOperator.identity()),
                        StandardCharsets.UTF_8));
        int before = edxml.readPackage(stored).value().traces().size();

        TraceHop.Handed handed = axis.handOver(stored, Hashes.sha256Hex(stored));

        assertThat(handed.inPackage()).isTrue();
        var traces = verified(handed.content()).value().traces();
        assertThat(traces).hasSize(before + 1);
        assertThat(traces.getLast())
                .isEqualTo(new EdxmlPackage.TraceHeader("000.00.00.G22", LocalDateTime.of(2026, 3, 2, 9, 15)));
        assertThat(handed.content().length - stored.length)
                .isEqualTo(layout == Layout.DEFAULT_NAMESPACE ? HOP.length() - 6 * "edXML:".length() : HOP.length());
    }

    /**
     * The signed package written in another encoding, as another tool may: the declaration names it and characters it
     * cannot encode are character references (same characters, so the same signature).
     */
    static byte[] reencoded(byte[] utf8, Charset charset) {
        String text = new String(utf8, StandardCharsets.UTF_8)
                .replaceFirst("encoding=\"UTF-8\"", "encoding=\"" + charset.name() + "\"");
        CharsetEncoder encoder = charset.newEncoder();
        StringBuilder out = new StringBuilder();
        text.codePoints().forEach(c -> {
            String ch = Character.toString(c);
            out.append(encoder.canEncode(ch) ? ch : "&#" + c + ";");
        });
        return out.toString().getBytes(charset);
    }

    /** Kanji whose ISO-2022-JP bytes hold a {@code <}: 湿 is 0x3C 0x3E ("{@code <>}"), 次 is 0x3C 0x21 ("{@code <!}"). */
    @ParameterizedTest
    @ValueSource(strings = {"湿", "次", "文書"})
    void aPackageInIso2022JpIsHandedOverUnchangedAndStillVerifies(String kanji) {
        Charset jis = Charset.forName("ISO-2022-JP");
        byte[] stored = reencoded(
                signed(
                        XmlSignatures.Profile.WHOLE_DOCUMENT_EXCEPT_TRACE_HEADERS,
                        s -> s.replace("Về việc triển khai", "Về việc " + kanji + " triển khai")),
                jis);
        assertThat(new String(stored, jis)).contains(kanji);
        assertThatCode(() -> verified(stored)).doesNotThrowAnyException();

        TraceHop.Handed handed = axis.handOver(stored, "stored-hash");

        assertThat(handed.inPackage()).isFalse();
        assertThat(handed.content()).isSameAs(stored);
        assertThat(handed.sha256()).isEqualTo("stored-hash");
        assertThat(handed.trace()).isEqualTo("TRUC-LIEN-THONG,2026/03/02 09:15:00");
        assertThatCode(() -> verified(handed.content())).doesNotThrowAnyException();
    }

    @Test
    void aTraceHeaderMisplacedByTheByteScanIsCaughtByTheCheck() {
        Charset jis = Charset.forName("ISO-2022-JP");
        byte[] stored = reencoded(
                signed(
                        XmlSignatures.Profile.WHOLE_DOCUMENT_EXCEPT_TRACE_HEADERS,
                        s -> s.replace("Về việc triển khai", "Về việc 湿 triển khai")),
                jis);
        Document doc = edxml.readPackage(stored).document();
        // what the byte scan makes of it: the element after the list, and the sender's signature broken
        byte[] misplaced = TraceHop.appendTraceHeader(stored, doc, "000.00.00.G22", "2026/03/02 09:15:00");
        assertThat(new String(misplaced, jis)).doesNotContain("</edXML:TraceHeader>" + HOP);
        assertThatThrownBy(() -> TraceHop.checkInserted(misplaced, 1, "000.00.00.G22", "2026/03/02 09:15:00"))
                .isInstanceOf(IllegalStateException.class);
        // a correct insertion passes
        byte[] utf8 = signed(XmlSignatures.Profile.WHOLE_DOCUMENT_EXCEPT_TRACE_HEADERS, UnaryOperator.identity());
        byte[] right = TraceHop.appendTraceHeader(
                utf8, edxml.readPackage(utf8).document(), "000.00.00.G22", "2026/03/02 09:15:00");
        assertThatCode(() -> TraceHop.checkInserted(right, 1, "000.00.00.G22", "2026/03/02 09:15:00"))
                .doesNotThrowAnyException();
    }

    @Test
    void aPackageDeclaredUsAsciiGetsTheHopLikeUtf8() {
        byte[] stored = reencoded(
                signed(XmlSignatures.Profile.WHOLE_DOCUMENT_EXCEPT_TRACE_HEADERS, UnaryOperator.identity()),
                StandardCharsets.US_ASCII);
        assertThat(new String(stored, StandardCharsets.US_ASCII)).contains("encoding=\"US-ASCII\"");

        TraceHop.Handed handed = axis.handOver(stored, Hashes.sha256Hex(stored));

        assertThat(handed.inPackage()).isTrue();
        assertThat(verified(handed.content()).value().traces().getLast())
                .isEqualTo(new EdxmlPackage.TraceHeader("000.00.00.G22", LocalDateTime.of(2026, 3, 2, 9, 15)));
    }

    @Test
    void onlyUtf8AndUsAsciiAreEncodingsTheScanIsMadeFor() {
        assertThat(TraceHop.utf8OrAscii(null)).isTrue();
        assertThat(TraceHop.utf8OrAscii("utf-8")).isTrue();
        assertThat(TraceHop.utf8OrAscii("ASCII")).isTrue();
        assertThat(TraceHop.utf8OrAscii("ISO-2022-JP")).isFalse();
        assertThat(TraceHop.utf8OrAscii("Shift_JIS")).isFalse();
        assertThat(TraceHop.utf8OrAscii("ISO-8859-1")).isFalse();
        assertThat(TraceHop.utf8OrAscii("no such encoding")).isFalse();
    }

    @Test
    void theAxisOrganisationIdMustBeAnEdxmlOrganId() {
        assertThatThrownBy(() -> new TraceHop(AT_0915, "TRUC-LIEN-THONG"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("organ-id");
    }
}
