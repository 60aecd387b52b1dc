package vn.egov.interchange.edxml;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Gói tin edXML — an official document package as exchanged between document-management systems (QCVN 102:2016):
 * the message header (§1.4, elements 1–14), the trace headers with the business section, the manifest and the
 * attachments. A value: two packages with the same content are equal, whatever their XML layout.
 */
public record EdxmlPackage(
        MessageHeader header,
        List<TraceHeader> traces,
        Business business,
        List<ManifestReference> manifest,
        List<Attachment> attachments) {

    public static final String NS = "http://www.mic.gov.vn/TBT/QCVN_102_2016";
    public static final String XLINK = "http://www.w3.org/1999/xlink";

    public EdxmlPackage {
        traces = List.copyOf(traces);
        manifest = List.copyOf(manifest);
        attachments = List.copyOf(attachments);
    }

    /** Cơ quan gửi/nhận — an organisation as named in From, To and status packages. */
    public record Organisation(
            String organId,
            String organizationInCharge,
            String organName,
            String organAdd,
            String email,
            String telephone,
            String fax,
            String website) {

        public static Organisation of(String organId, String organName) {
            return new Organisation(organId, null, organName, null, null, null, null, null);
        }
    }

    /** Số và ký hiệu văn bản: number and notation, e.g. 7816 and VPCP-TTĐT. */
    public record Code(String codeNumber, String codeNotation) {}

    /** Nơi và ngày ban hành. */
    public record PromulgationInfo(String place, LocalDate promulgationDate) {}

    /** Loại văn bản: numeric type, its name and an optional detail. */
    public record DocumentType(int type, String typeName, String typeDetail) {}

    /** Người ký: competence (TM./KT./TL.), position and full name. */
    public record SignerInfo(String competence, String position, String fullName) {}

    /** Độ khẩn and other layout information; priority 0 normal … 3 Hỏa tốc, 4 Hỏa tốc hẹn giờ. */
    public record OtherInfo(
            Integer priority,
            String sphereOfPromulgation,
            String typerNotation,
            Integer promulgationAmount,
            Integer pageAmount,
            List<String> appendixes) {

        public OtherInfo {
            appendixes = appendixes == null ? List.of() : List.copyOf(appendixes);
        }
    }

    /** Văn bản được trả lời: the earlier document this one answers. */
    public record ResponseFor(String organId, String code, LocalDate promulgationDate, String documentId) {}

    /** The fourteen elements of the message header. */
    public record MessageHeader(
            Organisation from,
            List<Organisation> to,
            Code code,
            PromulgationInfo promulgationInfo,
            DocumentType documentType,
            String subject,
            String content,
            SignerInfo signerInfo,
            LocalDate dueDate,
            List<String> toPlaces,
            OtherInfo otherInfo,
            List<ResponseFor> responseFor,
            Integer steeringType,
            String documentId) {

        public MessageHeader {
            to = List.copyOf(to);
            toPlaces = toPlaces == null ? List.of() : List.copyOf(toPlaces);
            responseFor = responseFor == null ? List.of() : List.copyOf(responseFor);
        }

        /** Priority from OtherInfo, 0 when absent. */
        public int priority() {
            return otherInfo == null || otherInfo.priority() == null ? 0 : otherInfo.priority();
        }

        /** The DocumentId the header's own fields imply: {@code <From>,<yyyy/MM/dd>,<số>/<ký hiệu>}. */
        public String expectedDocumentId() {
            return from.organId() + "," + EdxmlDates.formatDate(promulgationInfo.promulgationDate()) + ","
                    + code.codeNumber() + "/" + code.codeNotation();
        }
    }

    /** Dấu vết: one hop of the package, by organisation and time (Vietnam time). */
    public record TraceHeader(String organId, LocalDateTime timestamp) {}

    /** Nghiệp vụ: new (0), revoke (1), update (2) or replace (3) an earlier document. */
    public record Business(
            int bussinessDocType,
            String bussinessDocReason,
            BusinessDocumentInfo documentInfo,
            String documentId,
            StaffInfo staffInfo,
            String paper,
            List<ReplacementInfo> replacements) {

        public Business {
            replacements = replacements == null ? List.of() : List.copyOf(replacements);
        }
    }

    /** What an update changes: document information, receiver information and the receivers added or removed. */
    public record BusinessDocumentInfo(String documentInfo, String documentReceiver, List<Receiver> receivers) {
        public BusinessDocumentInfo {
            receivers = receivers == null ? List.of() : List.copyOf(receivers);
        }
    }

    /** A receiver added (1) or removed (0) by an update. */
    public record Receiver(int receiverType, String organId) {}

    /** Cán bộ xử lý: who handles the package at the sender. */
    public record StaffInfo(String department, String staff, String mobile, String email) {}

    /** A document replaced by this one and the organisations it concerned. */
    public record ReplacementInfo(String documentId, List<String> organIds) {
        public ReplacementInfo {
            organIds = organIds == null ? List.of() : List.copyOf(organIds);
        }
    }

    /** Manifest entry: names an attachment by content id ({@code xlink:href="cid:<ContentId>"}). */
    public record ManifestReference(String contentId, String contentType, String description, String attachmentName) {}

    /** Tệp đính kèm: an attachment with its decoded bytes. */
    public record Attachment(
            String contentId, String contentType, String description, String attachmentName, byte[] content) {

        @Override
        public boolean equals(Object o) {
            return o instanceof Attachment a
                    && Objects.equals(contentId, a.contentId)
                    && Objects.equals(contentType, a.contentType)
                    && Objects.equals(description, a.description)
                    && Objects.equals(attachmentName, a.attachmentName)
                    && Arrays.equals(content, a.content);
        }

        @Override
        public int hashCode() {
            return Objects.hash(contentId, contentType, description, attachmentName, Arrays.hashCode(content));
        }

        @Override
        public String toString() {
            return "Attachment[" + contentId + ", " + attachmentName + ", " + content.length + " bytes]";
        }
    }
}
