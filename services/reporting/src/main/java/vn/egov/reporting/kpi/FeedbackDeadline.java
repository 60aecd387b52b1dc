package vn.egov.reporting.kpi;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import org.springframework.stereotype.Component;
import vn.egov.platform.calendar.WorkingDayCalendar;

/**
 * Thời hạn phản hồi trạng thái văn bản — when a recipient must have answered a document with a status (02
 * refused, 03 accepted, or a later 04–06): by the end of the working day after the axis accepted it (NĐ 30/2020
 * Điều 4 and 21: register or return an incoming document the same day or at the latest the next working day;
 * QĐ 28/2018 Điều 9: report the status through the system). Working days are those of the platform's shared
 * calendar ({@code egov.calendar.*}): Monday to Friday in Vietnam time, minus the Labour Code holidays (Tết and
 * Giỗ Tổ by the lunar calendar, compensatory days) and the days the Government declares off, plus the weekend days
 * it declares worked.
 */
@Component
public class FeedbackDeadline {

    public static final ZoneId VIETNAM = WorkingDayCalendar.VIETNAM;

    private final WorkingDayCalendar calendar;

    public FeedbackDeadline(WorkingDayCalendar calendar) {
        this.calendar = calendar;
    }

    /** The instant the feedback is due: midnight ending the next working day after {@code sentAt}. */
    public OffsetDateTime of(OffsetDateTime sentAt) {
        return calendar.endOfWorkingDays(sentAt.toInstant(), 1).atZone(VIETNAM).toOffsetDateTime();
    }
}
