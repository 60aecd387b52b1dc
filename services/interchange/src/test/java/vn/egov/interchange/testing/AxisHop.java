package vn.egov.interchange.testing;

import java.nio.charset.StandardCharsets;

/** What a recipient gets for a package signed with the trace-header profile: the sent bytes plus the axis's hop. */
public final class AxisHop {

    /** The axis's organisation id in its TraceHeader (egov.interchange.trace.organ-id, VPCP by default). */
    public static final String ORGAN_ID = "000.00.00.G22";

    private AxisHop() {}

    /**
     * The sent package with the axis's TraceHeader right after the sender's, stamped with the time of the
     * {@code Edxml-Trace} HTTP header ({@code TRUC-LIEN-THONG,<yyyy/MM/dd HH:mm:ss>}) sent with it.
     */
    public static byte[] expected(byte[] sent, String edxmlTraceHeader) {
        String timestamp = edxmlTraceHeader.substring(edxmlTraceHeader.indexOf(',') + 1);
        String hop = "<edXML:TraceHeader><edXML:OrganId>" + ORGAN_ID + "</edXML:OrganId><edXML:Timestamp>" + timestamp
                + "</edXML:Timestamp></edXML:TraceHeader>";
        String text = new String(sent, StandardCharsets.UTF_8);
        int at = text.lastIndexOf("</edXML:TraceHeader>") + "</edXML:TraceHeader>".length();
        return (text.substring(0, at) + hop + text.substring(at)).getBytes(StandardCharsets.UTF_8);
    }
}
