package vn.egov.registry.citizen;

import java.util.List;
import org.springframework.http.HttpStatus;
import vn.egov.platform.web.ApiProblem;
import vn.egov.platform.web.FieldProblem;

/** ETag / If-Match for citizen records: the entity tag is the record's version, {@code "7"}. */
public final class Versions {

    private Versions() {}

    public static String etag(int version) {
        return "\"" + version + "\"";
    }

    /** The version an If-Match header names; 428 when it is missing, 400 when it is not one of our tags. */
    public static int ifMatch(String header) {
        if (header == null || header.isBlank()) {
            throw new ApiProblem(
                    HttpStatus.PRECONDITION_REQUIRED,
                    "precondition-required",
                    "Cần tiêu đề If-Match với ETag của bản ghi đã đọc, để không ghi đè thay đổi của người khác.",
                    List.of(new FieldProblem("If-Match", "Thiếu tiêu đề If-Match.")));
        }
        String tag = header.strip();
        if (tag.startsWith("W/")) {
            tag = tag.substring(2);
        }
        if (tag.length() >= 2 && tag.startsWith("\"") && tag.endsWith("\"")) {
            tag = tag.substring(1, tag.length() - 1);
        }
        try {
            return Integer.parseInt(tag);
        } catch (NumberFormatException e) {
            throw new ApiProblem(
                    HttpStatus.BAD_REQUEST,
                    "invalid",
                    "Tiêu đề If-Match không phải ETag của một bản ghi công dân.",
                    List.of(new FieldProblem("If-Match", "Giá trị không hợp lệ: " + header)));
        }
    }
}
