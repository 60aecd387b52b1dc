package vn.egov.portal.calendar.web;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.LocalDateTime;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.egov.platform.calendar.WorkingDayCalendar;

/**
 * {@code GET /api/portal/calendar/deadline?receivedAt=2026-11-20T16:00&workingDays=1}: the appointment date
 * (ngày hẹn trả) for a dossier received at a local date-time in Vietnam, counted in working days. A utility for
 * any authenticated caller; the portal computes its receipts with the same calendar.
 */
@RestController
class DeadlineController {

    private final WorkingDayCalendar calendar;

    DeadlineController(WorkingDayCalendar calendar) {
        this.calendar = calendar;
    }

    @GetMapping("/api/portal/calendar/deadline")
    WorkingDayCalendar.Deadline deadline(
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) LocalDateTime receivedAt,
            @RequestParam
                    @Min(value = 1, message = "số ngày làm việc phải từ 1 trở lên")
                    @Max(value = 365, message = "số ngày làm việc tối đa là 365")
                    int workingDays) {
        return calendar.deadline(receivedAt, workingDays);
    }
}
