package vn.egov.reporting.period.web;

import java.time.Clock;
import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.egov.reporting.period.CutOffCalendar;
import vn.egov.reporting.period.Frequency;
import vn.egov.reporting.period.ReportingPeriod;

/**
 * {@code GET /api/reports/periods?frequency=QUARTER&date=2026-12-20}: which period a date belongs to under
 * Decree 09/2019, with its cut-off window and deadline. A utility for any authenticated caller; {@code date}
 * defaults to today in Vietnam.
 */
@RestController
class PeriodController {

    private final CutOffCalendar calendar;
    private final Clock clock;

    PeriodController(CutOffCalendar calendar, Clock clock) {
        this.calendar = calendar;
        this.clock = clock;
    }

    @GetMapping("/api/reports/periods")
    ReportingPeriod period(
            @RequestParam Frequency frequency,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date) {
        return calendar.periodOf(frequency, date != null ? date : LocalDate.now(clock));
    }
}
