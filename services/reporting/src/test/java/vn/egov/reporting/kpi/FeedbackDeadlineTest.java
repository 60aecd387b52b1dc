package vn.egov.reporting.kpi;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;

class FeedbackDeadlineTest {

    @Test
    void aDocumentSentOnMondayIsAnsweredByTheEndOfTuesdayVietnamTime() {
        assertThat(FeedbackDeadline.of(OffsetDateTime.parse("2026-11-02T08:30:00+07:00")))
                .isEqualTo(OffsetDateTime.parse("2026-11-04T00:00:00+07:00"));
    }

    @Test
    void aDocumentSentOnFridayEveningIsAnsweredByTheEndOfMonday() {
        // Friday 6/11 23:30 in Vietnam is still Friday, although it is 16:30 UTC
        assertThat(FeedbackDeadline.of(OffsetDateTime.parse("2026-11-06T16:30:00Z")))
                .isEqualTo(OffsetDateTime.parse("2026-11-10T00:00:00+07:00"));
    }

    @Test
    void aDocumentSentOnSaturdayIsAnsweredByTheEndOfMonday() {
        assertThat(FeedbackDeadline.of(OffsetDateTime.parse("2026-11-07T10:00:00+07:00")))
                .isEqualTo(OffsetDateTime.parse("2026-11-10T00:00:00+07:00"));
    }
}
