package vn.egov.reporting.kpi;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;

/**
 * Thời hạn phản hồi trạng thái văn bản — when a recipient must have answered a document with a status (02
 * refused, 03 accepted, or a later 04–06): by the end of the working day after the axis accepted it (NĐ 30/2020
 * Điều 4 and 21: register or return an incoming document the same day or at the latest the next working day;
 * QĐ 28/2018 Điều 9: report the status through the system). Working days are Monday to Friday in Vietnam time;
 * public holidays are not taken off (the reporting service has no holiday calendar), which is strict by at most
 * the holidays in between.
 */
public final class FeedbackDeadline {

    public static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

    private FeedbackDeadline() {}

    /** The instant the feedback is due: midnight ending the next working day after {@code sentAt}. */
    public static OffsetDateTime of(OffsetDateTime sentAt) {
        LocalDate next = nextWorkingDay(sentAt.atZoneSameInstant(VIETNAM).toLocalDate());
        return next.plusDays(1).atStartOfDay(VIETNAM).toOffsetDateTime();
    }

    static LocalDate nextWorkingDay(LocalDate day) {
        LocalDate next = day.plusDays(1);
        while (next.getDayOfWeek() == DayOfWeek.SATURDAY || next.getDayOfWeek() == DayOfWeek.SUNDAY) {
            next = next.plusDays(1);
        }
        return next;
    }
}
