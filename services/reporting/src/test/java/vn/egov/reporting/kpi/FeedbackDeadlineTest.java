package vn.egov.reporting.kpi;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.egov.platform.calendar.CalendarProperties;
import vn.egov.platform.calendar.CalendarProperties.DeclaredDay;

class FeedbackDeadlineTest {

    /** The shared calendar with no day declared by the Government: weekends and Labour Code holidays. */
    final FeedbackDeadline deadline = new FeedbackDeadline(new CalendarProperties(null, null, null, null).calendar());

    @Test
    void aDocumentSentOnMondayIsAnsweredByTheEndOfTuesdayVietnamTime() {
        assertThat(deadline.of(OffsetDateTime.parse("2026-11-02T08:30:00+07:00")))
                .isEqualTo(OffsetDateTime.parse("2026-11-04T00:00:00+07:00"));
    }

    @Test
    void aDocumentSentOnFridayEveningIsAnsweredByTheEndOfMonday() {
        // Friday 6/11 23:30 in Vietnam is still Friday, although it is 16:30 UTC
        assertThat(deadline.of(OffsetDateTime.parse("2026-11-06T16:30:00Z")))
                .isEqualTo(OffsetDateTime.parse("2026-11-10T00:00:00+07:00"));
    }

    @Test
    void aDocumentSentOnSaturdayIsAnsweredByTheEndOfMonday() {
        assertThat(deadline.of(OffsetDateTime.parse("2026-11-07T10:00:00+07:00")))
                .isEqualTo(OffsetDateTime.parse("2026-11-10T00:00:00+07:00"));
    }

    @Test
    void aDocumentSentTheDayBeforeTetIsAnsweredByTheEndOfTheFirstWorkingDayAfterIt() {
        // Tết 2026: the eve (Monday 16/2) and 17–20/2 are holidays, then the weekend: due at the end of Monday 23/2
        assertThat(deadline.of(OffsetDateTime.parse("2026-02-13T14:00:00+07:00")))
                .isEqualTo(OffsetDateTime.parse("2026-02-24T00:00:00+07:00"));
    }

    @Test
    void holidaysOfTheLabourCodeAreTakenOff() {
        // Wednesday 29/4/2026: 30/4 and 1/5 are holidays, then the weekend; due at the end of Monday 4/5
        assertThat(deadline.of(OffsetDateTime.parse("2026-04-29T09:00:00+07:00")))
                .isEqualTo(OffsetDateTime.parse("2026-05-05T00:00:00+07:00"));
        // Friday 24/4/2026: Giỗ Tổ (10/3 lunar) is Sunday 26/4, compensated on Monday 27/4
        assertThat(deadline.of(OffsetDateTime.parse("2026-04-24T09:00:00+07:00")))
                .isEqualTo(OffsetDateTime.parse("2026-04-29T00:00:00+07:00"));
    }

    @Test
    void daysTheGovernmentDeclaresCountAsConfigured() {
        FeedbackDeadline declared = new FeedbackDeadline(new CalendarProperties(
                        null,
                        null,
                        List.of(new DeclaredDay(LocalDate.of(2026, 11, 9), "Nghỉ hoán đổi")),
                        List.of(new DeclaredDay(LocalDate.of(2026, 11, 14), "Làm bù")))
                .calendar());

        // Friday 6/11: Monday 9/11 declared off, so due at the end of Tuesday 10/11
        assertThat(declared.of(OffsetDateTime.parse("2026-11-06T10:00:00+07:00")))
                .isEqualTo(OffsetDateTime.parse("2026-11-11T00:00:00+07:00"));
        // Friday 13/11: Saturday 14/11 declared worked, so due at the end of that Saturday
        assertThat(declared.of(OffsetDateTime.parse("2026-11-13T10:00:00+07:00")))
                .isEqualTo(OffsetDateTime.parse("2026-11-15T00:00:00+07:00"));
    }
}
