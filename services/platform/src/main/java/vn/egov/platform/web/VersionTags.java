package vn.egov.platform.web;

import java.util.List;
import org.springframework.http.HttpStatus;

/**
 * ETag / If-Match for versioned records (optimistic locking over HTTP): the entity tag is the record's version,
 * {@code "7"}; a write names the version it read in {@code If-Match}, and a stale one gets 412 from the caller's
 * store. {@code what} names the record in the Vietnamese messages ("hồ sơ", "bản ghi công dân").
 */
public final class VersionTags {

    private VersionTags() {}

    public static String etag(int version) {
        return "\"" + version + "\"";
    }

    /** The version an If-Match header names; 428 when it is missing, 400 when it is not one of our tags. */
    public static int required(String header, String what) {
        if (header == null || header.isBlank()) {
            throw new ApiProblem(
                    HttpStatus.PRECONDITION_REQUIRED,
                    "precondition-required",
                    "Cần tiêu đề If-Match với ETag (phiên bản) của " + what
                            + " đã đọc, để không ghi đè thay đổi của người khác.",
                    List.of(new FieldProblem("If-Match", "Thiếu tiêu đề If-Match.")));
        }
        return parse(header, what);
    }

    /** The version of an optional If-Match header, or null when there is none. */
    public static Integer optional(String header, String what) {
        return header == null || header.isBlank() ? null : parse(header, what);
    }

    private static int parse(String header, String what) {
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
                    "Tiêu đề If-Match không phải ETag của một " + what + ".",
                    List.of(new FieldProblem("If-Match", "Giá trị không hợp lệ: " + header)));
        }
    }
}
