package vn.egov.interchange.testing;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import vn.egov.interchange.edxml.EdxmlPackage;
import vn.egov.interchange.edxml.EdxmlPackage.Attachment;
import vn.egov.interchange.edxml.EdxmlPackage.Business;
import vn.egov.interchange.edxml.EdxmlPackage.BusinessDocumentInfo;
import vn.egov.interchange.edxml.EdxmlPackage.Code;
import vn.egov.interchange.edxml.EdxmlPackage.DocumentType;
import vn.egov.interchange.edxml.EdxmlPackage.ManifestReference;
import vn.egov.interchange.edxml.EdxmlPackage.MessageHeader;
import vn.egov.interchange.edxml.EdxmlPackage.Organisation;
import vn.egov.interchange.edxml.EdxmlPackage.OtherInfo;
import vn.egov.interchange.edxml.EdxmlPackage.PromulgationInfo;
import vn.egov.interchange.edxml.EdxmlPackage.Receiver;
import vn.egov.interchange.edxml.EdxmlPackage.ReplacementInfo;
import vn.egov.interchange.edxml.EdxmlPackage.ResponseFor;
import vn.egov.interchange.edxml.EdxmlPackage.SignerInfo;
import vn.egov.interchange.edxml.EdxmlPackage.StaffInfo;
import vn.egov.interchange.edxml.EdxmlPackage.TraceHeader;

/** Builder of edXML packages for tests: a công văn from one agency to others, with one PDF attachment. */
public final class SamplePackages {

    private String from = "000.00.00.G22";
    private final List<String> to = new ArrayList<>(List.of("000.00.00.H57"));
    private final List<String> toPlaces = new ArrayList<>();
    private String number = "7816";
    private String notation = "VPCP-TTĐT";
    private LocalDate date = LocalDate.of(2026, 3, 2);
    private int priority = 0;
    private String documentId;
    private Business business;
    private byte[] attachment = "%PDF-1.7 công văn".getBytes(StandardCharsets.UTF_8);
    private boolean full;

    public static SamplePackages aPackage() {
        return new SamplePackages();
    }

    public SamplePackages from(String code) {
        this.from = code;
        return this;
    }

    public SamplePackages to(String... codes) {
        to.clear();
        to.addAll(List.of(codes));
        return this;
    }

    public SamplePackages toPlaces(String... places) {
        toPlaces.addAll(List.of(places));
        return this;
    }

    public SamplePackages number(String number) {
        this.number = number;
        return this;
    }

    public SamplePackages priority(int priority) {
        this.priority = priority;
        return this;
    }

    public SamplePackages documentId(String documentId) {
        this.documentId = documentId;
        return this;
    }

    public SamplePackages business(Business business) {
        this.business = business;
        return this;
    }

    public SamplePackages attachmentBytes(byte[] content) {
        this.attachment = content;
        return this;
    }

    /** Fills every optional element (for round trips). */
    public SamplePackages everything() {
        this.full = true;
        return this;
    }

    public EdxmlPackage build() {
        List<Organisation> recipients = to.stream()
                .map(code -> full
                        ? new Organisation(
                                code,
                                "Văn phòng",
                                "Ủy ban nhân dân " + code,
                                "Số 1, đường Lê Lợi",
                                "vanthu@example.gov.vn",
                                "0234 3822 000",
                                "0234 3822 001",
                                "https://example.gov.vn")
                        : Organisation.of(code, "Cơ quan " + code))
                .toList();
        String id = documentId != null
                ? documentId
                : from + "," + date.getYear() + "/"
                        + String.format("%02d/%02d", date.getMonthValue(), date.getDayOfMonth()) + "," + number + "/"
                        + notation;
        MessageHeader header = new MessageHeader(
                full
                        ? new Organisation(
                                from,
                                "Văn phòng Chính phủ",
                                "Văn phòng Chính phủ",
                                "Số 1 Hoàng Hoa Thám, Ba Đình, Hà Nội",
                                "vpcp@chinhphu.vn",
                                "080 43162",
                                null,
                                "https://vpcp.chinhphu.vn")
                        : Organisation.of(from, "Văn phòng Chính phủ"),
                recipients,
                new Code(number, notation),
                new PromulgationInfo("Hà Nội", date),
                new DocumentType(18, "Công văn", full ? "Công văn hành chính" : null),
                "Về việc triển khai kết nối liên thông văn bản điện tử",
                full ? "Nội dung: đề nghị các cơ quan hoàn thành kết nối trước ngày 30/6." : null,
                new SignerInfo("KT. BỘ TRƯỞNG, CHỦ NHIỆM", "Phó Chủ nhiệm", "Nguyễn Văn Bình"),
                full ? date.plusDays(30) : null,
                toPlaces,
                full || priority != 0
                        ? new OtherInfo(priority, "Toàn quốc", "TTĐT", 5, 2, full ? List.of("Phụ lục I") : List.of())
                        : null,
                full
                        ? List.of(new ResponseFor(
                                "000.00.00.H57",
                                "12/UBND-VP",
                                LocalDate.of(2026, 1, 5),
                                "000.00.00.H57,2026/01/05,12/UBND-VP"))
                        : List.of(),
                full ? 1 : null,
                id);
        Business b = business;
        if (b == null && full) {
            b = new Business(
                    2,
                    "Cập nhật danh sách nơi nhận",
                    new BusinessDocumentInfo(
                            "Sửa trích yếu",
                            "Bổ sung nơi nhận",
                            List.of(new Receiver(1, "000.00.00.G12"), new Receiver(0, "000.00.00.H41"))),
                    "000.00.00.G22,2026/02/01,100/VPCP-TTĐT",
                    new StaffInfo("Phòng Hành chính", "Trần Thị Cúc", "0912345678", "cuc@chinhphu.vn"),
                    "0",
                    List.of(new ReplacementInfo("000.00.00.G22,2026/01/15,50/VPCP-TTĐT", List.of("000.00.00.H57"))));
        }
        return new EdxmlPackage(
                header,
                List.of(new TraceHeader(from, date.atTime(8, 30, 0))),
                b,
                attachment == null
                        ? List.of()
                        : List.of(new ManifestReference("att-1", "application/pdf", "Văn bản ký số", "7816-VPCP.pdf")),
                attachment == null
                        ? List.of()
                        : List.of(new Attachment(
                                "att-1", "application/pdf", "Văn bản ký số", "7816-VPCP.pdf", attachment)));
    }

    public static LocalDateTime at(int hour) {
        return LocalDateTime.of(2026, 3, 2, hour, 0);
    }
}
