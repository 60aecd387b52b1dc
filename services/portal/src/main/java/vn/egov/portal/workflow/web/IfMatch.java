package vn.egov.portal.workflow.web;

import java.util.List;
import org.springframework.http.HttpStatus;
import vn.egov.platform.web.ApiProblem;
import vn.egov.platform.web.FieldProblem;

/** ETag / If-Match for dossiers: the entity tag is the dossier's version, {@code "7"}. */
final class IfMatch {

    private IfMatch() {}

    static String etag(int version) {
        return "\"" + version + "\"";
    }

    /** The version an If-Match header names; 428 when it is missing, 400 when it is not one of our tags. */
    static int version(String header) {
        if (header == null || header.isBlank()) {
            throw new ApiProblem(
                    HttpStatus.PRECONDITION_REQUIRED,
                    "precondition-required",
                    "Cần tiêu đề If-Match với ETag (phiên bản) của hồ sơ đã đọc, để không ghi đè thao tác của người khác.",
                    List.of(new FieldProblem("If-Match", "Thiếu tiêu đề If-Match.")));
        }
        return parse(header);
    }

    /** The version of an optional If-Match header, or null. */
    static Integer optional(String header) {
        return header == null || header.isBlank() ? null : parse(header);
    }

    private static int parse(String header) {
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
                    "Tiêu đề If-Match không phải ETag của một hồ sơ.",
                    List.of(new FieldProblem("If-Match", "Giá trị không hợp lệ: " + header)));
        }
    }
}
