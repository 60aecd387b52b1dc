package vn.egov.interchange.edxml;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;

/** edXML dates ({@code yyyy/MM/dd}) and timestamps ({@code yyyy/MM/dd HH:mm:ss}, Vietnam time). */
public final class EdxmlDates {

    public static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final DateTimeFormatter DATE =
            DateTimeFormatter.ofPattern("uuuu/MM/dd").withResolverStyle(ResolverStyle.STRICT);
    private static final DateTimeFormatter TIMESTAMP =
            DateTimeFormatter.ofPattern("uuuu/MM/dd HH:mm:ss").withResolverStyle(ResolverStyle.STRICT);

    private EdxmlDates() {}

    public static LocalDate parseDate(String text, String field) {
        try {
            return LocalDate.parse(text, DATE);
        } catch (DateTimeParseException e) {
            throw new EdxmlException(
                    EdxmlException.Kind.INVALID, field, "Ngày không hợp lệ \"" + text + "\"; định dạng yyyy/MM/dd.");
        }
    }

    public static LocalDateTime parseTimestamp(String text, String field) {
        try {
            return LocalDateTime.parse(text, TIMESTAMP);
        } catch (DateTimeParseException e) {
            throw new EdxmlException(
                    EdxmlException.Kind.INVALID,
                    field,
                    "Thời điểm không hợp lệ \"" + text + "\"; định dạng yyyy/MM/dd HH:mm:ss.");
        }
    }

    public static String formatDate(LocalDate date) {
        return DATE.format(date);
    }

    public static String formatTimestamp(LocalDateTime timestamp) {
        return TIMESTAMP.format(timestamp);
    }
}
