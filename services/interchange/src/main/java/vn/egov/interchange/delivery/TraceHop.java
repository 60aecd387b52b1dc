package vn.egov.interchange.delivery;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import vn.egov.interchange.agency.Hashes;
import vn.egov.interchange.edxml.EdxmlDates;
import vn.egov.interchange.edxml.EdxmlPackage;
import vn.egov.interchange.edxml.SecureXml;
import vn.egov.interchange.signature.XmlSignatures;

/**
 * Vết chuyển tiếp — the axis's hop in a package it hands to a recipient (pull inbox or push webhook).
 *
 * <p>When the sender's signature leaves the trace headers out ({@link XmlSignatures.Profile#WHOLE_DOCUMENT_EXCEPT_TRACE_HEADERS}),
 * the axis appends its own {@code TraceHeader} (its organisation id and the time of hand-over) after the last one of
 * {@code TraceHeaderList}: the received bytes are kept exactly as they are around it — no re-serialisation, no added
 * white space — so the sender's signature still verifies at the recipient. When the signature covers the whole
 * document, the package is handed over byte for byte and the hop is only reported in the {@code Edxml-Trace} HTTP
 * header. The stored package is never changed.
 *
 * <p>The byte-level insertion is only attempted when the package is UTF-8 or US-ASCII (both the declared encoding, if
 * any, and the one the parser actually used): in other encodings the parser accepts (ISO-2022-JP, Shift_JIS, …) a
 * {@code <} byte can occur inside text. The result is parsed again and must have the new element as the last
 * {@code TraceHeader} of the single {@code TraceHeaderList}; if anything fails the stored bytes are handed over
 * unchanged, the hop is only in the {@code Edxml-Trace} header and a warning is logged.
 */
@Component
public class TraceHop {

    /** The name of the axis in the {@code Edxml-Trace} HTTP header. */
    public static final String AXIS = "TRUC-LIEN-THONG";

    private static final String NS = EdxmlPackage.NS;
    private static final byte[] FILTER2 = XmlSignatures.XPATH_FILTER2.getBytes(StandardCharsets.US_ASCII);
    private static final Pattern ORGAN_ID = Pattern.compile("[0-9A-Za-z.]{1,35}");
    private static final Logger log = LoggerFactory.getLogger(TraceHop.class);

    private final Clock clock;
    private final String organId;

    public TraceHop(Clock clock, @Value("${egov.interchange.trace.organ-id:000.00.00.G22}") String organId) {
        if (!ORGAN_ID.matcher(organId).matches()) {
            throw new IllegalArgumentException(
                    "egov.interchange.trace.organ-id must match " + ORGAN_ID + ": " + organId);
        }
        this.clock = clock;
        this.organId = organId;
    }

    /**
     * The package as handed to a recipient now.
     *
     * @param content the bytes to send
     * @param sha256 SHA-256 (hex) of {@code content}
     * @param trace the {@code Edxml-Trace} HTTP header ({@code TRUC-LIEN-THONG,<time>})
     * @param inPackage whether a {@code TraceHeader} was added inside the package
     */
    public record Handed(byte[] content, String sha256, String trace, boolean inPackage) {}

    /** Hands over a stored package (and its stored hash), adding the axis's TraceHeader when the signature allows. */
    public Handed handOver(byte[] stored, String storedSha256) {
        String timestamp = EdxmlDates.formatTimestamp(LocalDateTime.now(clock.withZone(EdxmlDates.VIETNAM)));
        String trace = AXIS + "," + timestamp;
        Handed unchanged = new Handed(stored, storedSha256, trace, false);
        if (!mayCarryTrace(stored)) {
            return unchanged;
        }
        try {
            Document document = SecureXml.parse(stored);
            if (XmlSignatures.profileOf(document) != XmlSignatures.Profile.WHOLE_DOCUMENT_EXCEPT_TRACE_HEADERS) {
                return unchanged;
            }
            if (!utf8OrAscii(document.getXmlEncoding()) || !utf8OrAscii(document.getInputEncoding())) {
                log.warn(
                        "package {} is not UTF-8 or US-ASCII (declared {}, read as {}): handed over unchanged, the"
                                + " axis's hop only in Edxml-Trace",
                        storedSha256,
                        document.getXmlEncoding(),
                        document.getInputEncoding());
                return unchanged;
            }
            byte[] withHop = appendTraceHeader(stored, document, organId, timestamp);
            checkInserted(withHop, traceHeaders(traceHeaderList(document)).size(), organId, timestamp);
            return new Handed(withHop, Hashes.sha256Hex(withHop), trace, true);
        } catch (RuntimeException e) {
            log.warn(
                    "the axis's TraceHeader could not be added inside package {} ({}): handed over unchanged, the hop"
                            + " only in Edxml-Trace",
                    storedSha256,
                    e.toString());
            return unchanged;
        }
    }

    /** Whether an encoding name (null: none declared) is UTF-8 or US-ASCII, the encodings the byte scan is made for. */
    static boolean utf8OrAscii(String encoding) {
        if (encoding == null) {
            return true;
        }
        try {
            Charset charset = Charset.forName(encoding.strip());
            return charset.equals(StandardCharsets.UTF_8) || charset.equals(StandardCharsets.US_ASCII);
        } catch (IllegalArgumentException e) { // illegal or unsupported name
            return false;
        }
    }

    /**
     * Parses the package with the hop again (secure parser) and checks that it has exactly one TraceHeaderList, whose
     * last TraceHeader is the axis's and which has one more than before.
     *
     * @throws IllegalStateException when it is not so
     */
    static void checkInserted(byte[] withHop, int before, String organId, String timestamp) {
        Document document = SecureXml.parse(withHop);
        int lists = document.getElementsByTagNameNS(NS, "TraceHeaderList").getLength();
        if (lists != 1) {
            throw new IllegalStateException("the package with the hop has " + lists + " TraceHeaderList elements");
        }
        List<Element> headers = traceHeaders(traceHeaderList(document));
        if (headers.size() != before + 1) {
            throw new IllegalStateException(
                    "the package with the hop has " + headers.size() + " TraceHeaders instead of " + (before + 1));
        }
        Element last = headers.getLast();
        if (!organId.equals(childText(last, "OrganId")) || !timestamp.equals(childText(last, "Timestamp"))) {
            throw new IllegalStateException("the last TraceHeader is not the axis's hop");
        }
    }

    private static List<Element> traceHeaders(Element list) {
        List<Element> headers = new ArrayList<>();
        for (Node n = list.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && NS.equals(e.getNamespaceURI()) && "TraceHeader".equals(e.getLocalName())) {
                headers.add(e);
            }
        }
        return headers;
    }

    private static String childText(Element parent, String localName) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && NS.equals(e.getNamespaceURI()) && localName.equals(e.getLocalName())) {
                return e.getTextContent();
            }
        }
        return null;
    }

    /**
     * The bytes with one {@code TraceHeader} ({@code organId}, {@code timestamp}) inserted right after the last
     * TraceHeader of the header's TraceHeaderList, with that list's prefix; nothing else changes.
     */
    static byte[] appendTraceHeader(byte[] xml, Document document, String organId, String timestamp) {
        Element list = traceHeaderList(document);
        List<Element> headers = traceHeaders(list);
        if (headers.isEmpty()) {
            throw new IllegalArgumentException("TraceHeaderList has no TraceHeader");
        }
        Element last = headers.getLast();
        int ordinal = ordinalOf(document, last);
        int at = endOfElement(xml, ordinal);
        String p = list.getPrefix() == null ? "" : list.getPrefix() + ":";
        String fragment = "<" + p + "TraceHeader><" + p + "OrganId>" + organId + "</" + p + "OrganId><" + p
                + "Timestamp>" + timestamp + "</" + p + "Timestamp></" + p + "TraceHeader>";
        byte[] insert = fragment.getBytes(StandardCharsets.US_ASCII);
        byte[] out = new byte[xml.length + insert.length];
        System.arraycopy(xml, 0, out, 0, at);
        System.arraycopy(insert, 0, out, at, insert.length);
        System.arraycopy(xml, at, out, at + insert.length, xml.length - at);
        return out;
    }

    /** Cheap first look: not UTF-16/32, and the XPath Filter 2.0 algorithm somewhere in the bytes. */
    private static boolean mayCarryTrace(byte[] xml) {
        if (xml.length < 4 || xml[0] == 0 || xml[1] == 0 || (xml[0] & 0xFF) == 0xFE || (xml[0] & 0xFF) == 0xFF) {
            return false; // UTF-16/32: the package is handed over unchanged
        }
        outer:
        for (int i = 0; i <= xml.length - FILTER2.length; i++) {
            for (int j = 0; j < FILTER2.length; j++) {
                if (xml[i + j] != FILTER2[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    private static Element traceHeaderList(Document document) {
        NodeList lists = document.getElementsByTagNameNS(NS, "TraceHeaderList");
        for (int i = 0; i < lists.getLength(); i++) {
            Element list = (Element) lists.item(i);
            Node header = list.getParentNode();
            if (header instanceof Element h
                    && NS.equals(h.getNamespaceURI())
                    && "edXMLHeader".equals(h.getLocalName())) {
                return list;
            }
        }
        throw new IllegalArgumentException("package has no TraceHeaderList in its edXMLHeader");
    }

    /** Position of the element among all elements of the document, in document order (the root is 0). */
    private static int ordinalOf(Document document, Element element) {
        NodeList all = document.getElementsByTagNameNS("*", "*");
        for (int i = 0; i < all.getLength(); i++) {
            if (all.item(i) == element) {
                return i;
            }
        }
        throw new IllegalArgumentException("element not in document");
    }

    /**
     * The byte offset right after the end of the {@code ordinal}-th element (document order) of well-formed XML
     * without a DOCTYPE (the secure parser refuses one), in UTF-8 or US-ASCII only: there no byte of a multi-byte
     * character is below 0x80, so a {@code <} byte is a {@code <} character (not so in ISO-2022-JP or Shift_JIS). A
     * {@code <} outside markup can only start a comment, CDATA section, processing instruction or tag (attribute
     * values and text cannot hold one), so counting start tags here counts the parser's elements.
     */
    static int endOfElement(byte[] xml, int ordinal) {
        int count = -1;
        int depth = 0;
        int targetDepth = -1;
        int i = 0;
        while (i < xml.length) {
            if (xml[i] != '<') {
                i++;
                continue;
            }
            if (startsWith(xml, i, "<!--")) {
                i = indexOf(xml, i + 4, "-->") + 3;
            } else if (startsWith(xml, i, "<![CDATA[")) {
                i = indexOf(xml, i + 9, "]]>") + 3;
            } else if (startsWith(xml, i, "<?")) {
                i = indexOf(xml, i + 2, "?>") + 2;
            } else if (startsWith(xml, i, "<!")) {
                throw new IllegalArgumentException("unexpected markup declaration at byte " + i);
            } else if (startsWith(xml, i, "</")) {
                i = indexOf(xml, i + 2, ">") + 1;
                depth--;
                if (depth == targetDepth) {
                    return i;
                }
            } else {
                int end = endOfTag(xml, i + 1);
                count++;
                boolean empty = xml[end - 1] == '/';
                i = end + 1;
                if (count == ordinal) {
                    if (empty) {
                        return i;
                    }
                    targetDepth = depth;
                }
                if (!empty) {
                    depth++;
                }
            }
        }
        throw new IllegalArgumentException("element " + ordinal + " not found");
    }

    /** Index of the {@code >} closing a start tag, skipping quoted attribute values. */
    private static int endOfTag(byte[] xml, int from) {
        byte quote = 0;
        for (int i = from; i < xml.length; i++) {
            byte b = xml[i];
            if (quote != 0) {
                if (b == quote) {
                    quote = 0;
                }
            } else if (b == '"' || b == '\'') {
                quote = b;
            } else if (b == '>') {
                return i;
            }
        }
        throw new IllegalArgumentException("unterminated tag");
    }

    private static boolean startsWith(byte[] xml, int at, String s) {
        if (at + s.length() > xml.length) {
            return false;
        }
        for (int j = 0; j < s.length(); j++) {
            if (xml[at + j] != s.charAt(j)) {
                return false;
            }
        }
        return true;
    }

    private static int indexOf(byte[] xml, int from, String s) {
        for (int i = from; i <= xml.length - s.length(); i++) {
            if (startsWith(xml, i, s)) {
                return i;
            }
        }
        throw new IllegalArgumentException("unterminated markup");
    }
}
