package vn.egov.portal.transfer;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import vn.egov.platform.web.ApiProblem;
import vn.egov.portal.dossier.Dossier;
import vn.egov.portal.result.AgencyKeys;
import vn.egov.portal.result.ResultSignatures;

/**
 * Gói tin edXML chuyển hồ sơ liên thông (QCVN 102:2016, vn-standards §1.4): the package that carries a dossier to
 * another agency — From the dossier's agency, To the other agency, the dossier code, procedure and promised date in
 * the subject and content (no applicant data beyond the name), DocumentId {@code From,yyyy/MM/dd,số/LT-MOTCUA} —
 * signed (enveloped XML-DSig in {@code edXMLHeader}, reference {@code URI=""}) with the agency's key.
 */
@Component
public class TransferPackages {

    public static final String NS = "http://www.mic.gov.vn/TBT/QCVN_102_2016";
    static final String NOTATION = "LT-MOTCUA";
    static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
    static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy/MM/dd");
    static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy/MM/dd HH:mm:ss");

    private final AgencyKeys keys;
    private final ResultSignatures signatures;

    public TransferPackages(AgencyKeys keys, ResultSignatures signatures) {
        this.keys = keys;
        this.signatures = signatures;
    }

    /** The DocumentId of a transfer numbered {@code number} on {@code day}. */
    public static String documentId(String from, LocalDate day, long number) {
        return from + "," + DATE.format(day) + "," + number + "/" + NOTATION;
    }

    /** The signed package bytes. */
    public byte[] signed(
            Dossier dossier,
            String procedureName,
            String toAgency,
            long number,
            String officer,
            String note,
            Instant at) {
        AgencyKeys.SigningKey key = keys.forAgency(dossier.agencyCode())
                .orElseThrow(() -> new ApiProblem(
                        HttpStatus.CONFLICT,
                        "no-signing-key",
                        "Cơ quan " + dossier.agencyCode() + " chưa có khóa ký số; không thể ký gói tin liên thông."));
        LocalDate day = LocalDate.ofInstant(at, VIETNAM);
        Document doc = ResultSignatures.newDocument();
        Element root = doc.createElementNS(NS, "edXML:edXML");
        root.setAttributeNS("http://www.w3.org/2000/xmlns/", "xmlns:edXML", NS);
        doc.appendChild(root);
        Element envelope = add(root, "edXMLEnvelope");
        Element header = add(envelope, "edXMLHeader");
        Element message = add(header, "MessageHeader");
        organisation(add(message, "From"), dossier.agencyCode());
        organisation(add(message, "To"), toAgency);
        Element code = add(message, "Code");
        text(code, "CodeNumber", Long.toString(number));
        text(code, "CodeNotation", NOTATION);
        Element promulgation = add(message, "PromulgationInfo");
        text(promulgation, "Place", "Cổng dịch vụ công");
        text(promulgation, "PromulgationDate", DATE.format(day));
        Element type = add(message, "DocumentType");
        text(type, "Type", "18");
        text(type, "TypeName", "Phiếu chuyển hồ sơ liên thông");
        text(message, "Subject", "Chuyển hồ sơ liên thông " + dossier.code() + " — " + procedureName);
        StringBuilder content = new StringBuilder()
                .append("Mã hồ sơ: ")
                .append(dossier.code())
                .append("\nThủ tục: ")
                .append(dossier.procedureCode())
                .append(" — ")
                .append(procedureName);
        if (dossier.applicantName() != null) {
            content.append("\nNgười nộp: ").append(dossier.applicantName());
        }
        if (dossier.promisedDate() != null) {
            content.append("\nNgày hẹn trả kết quả: ").append(dossier.promisedDate());
        }
        if (note != null) {
            content.append("\nNội dung đề nghị: ").append(note);
        }
        text(message, "Content", content.toString());
        Element signer = add(message, "SignerInfo");
        text(signer, "Competence", "TL.");
        text(signer, "Position", "Bộ phận một cửa");
        text(signer, "FullName", officer);
        if (dossier.promisedDate() != null) {
            text(message, "DueDate", DATE.format(dossier.promisedDate()));
        }
        Element other = add(message, "OtherInfo");
        text(other, "Priority", "0");
        text(message, "SteeringType", "1");
        text(message, "DocumentId", documentId(dossier.agencyCode(), day, number));
        Element traces = add(header, "TraceHeaderList");
        Element trace = add(traces, "TraceHeader");
        text(trace, "OrganId", dossier.agencyCode());
        text(trace, "Timestamp", TIMESTAMP.format(LocalDateTime.ofInstant(at, VIETNAM)));
        Element manifest = add(add(envelope, "edXMLBody"), "edXMLManifest");
        manifest.setAttribute("version", "1.0");
        return signatures.sign(doc, header, key.key(), key.certificate());
    }

    private static void organisation(Element e, String code) {
        text(e, "OrganId", code);
    }

    private static Element add(Element parent, String name) {
        Element e = parent.getOwnerDocument().createElementNS(NS, "edXML:" + name);
        parent.appendChild(e);
        return e;
    }

    private static void text(Element parent, String name, String value) {
        add(parent, name).setTextContent(value);
    }
}
