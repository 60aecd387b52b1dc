package vn.egov.interchange.status;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import vn.egov.platform.calendar.WorkingDayCalendar;

/**
 * Quy tắc trễ hạn — when the sender's timeline flags a delivery as late: what the recipient must have done
 * ({@link Awaits}), counted from the moment the axis accepted the document, and by when, given by exactly one of
 *
 * <ul>
 *   <li>{@code within: 4h} — a plain duration;
 *   <li>{@code by-next-working-day-at: "10:00"} — that time (Vietnam) of the first working day after the day of
 *       sending: a document sent on Friday at 16:00 is due on Monday at 10:00, after Tết when sent just before it;
 *   <li>{@code within-working-days: 1} — by 24:00 (Vietnam) of the n-th working day after the day of sending (the
 *       first day not counted, NĐ 30/2020 Điều 4: registered the same or at the latest the next working day).
 * </ul>
 *
 * Working days come from the platform's shared calendar (weekends, Labour Code holidays, declared days).
 */
public record LatenessRule(
        String name, Awaits awaits, Duration within, LocalTime byNextWorkingDayAt, Integer withinWorkingDays) {

    /** What the recipient must have done. */
    public enum Awaits {
        /** The recipient's system took the document (delivered to its inbox or webhook). */
        DELIVERED("hệ thống nơi nhận nhận văn bản"),
        /** The recipient reported any status (01 đã đến or later). */
        ARRIVED("trạng thái 01 (đã đến)"),
        /** The recipient accepted (03) or refused (02) the document. */
        ANSWERED("trạng thái 03 (đã tiếp nhận) hoặc 02 (từ chối)");

        private final String meaning;

        Awaits(String meaning) {
            this.meaning = meaning;
        }

        public String meaning() {
            return meaning;
        }
    }

    public LatenessRule {
        String label = "egov.interchange.lateness.rules[" + name + "]";
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("egov.interchange.lateness.rules: every rule needs a name");
        }
        if (awaits == null) {
            throw new IllegalArgumentException(label + ": awaits (DELIVERED, ARRIVED or ANSWERED) is required");
        }
        int limits =
                (within == null ? 0 : 1) + (byNextWorkingDayAt == null ? 0 : 1) + (withinWorkingDays == null ? 0 : 1);
        if (limits != 1) {
            throw new IllegalArgumentException(
                    label + ": give exactly one of within, by-next-working-day-at, within-working-days");
        }
        if (within != null && (within.isNegative() || within.isZero())) {
            throw new IllegalArgumentException(label + ": within must be positive");
        }
        if (withinWorkingDays != null && withinWorkingDays < 1) {
            throw new IllegalArgumentException(label + ": within-working-days must be at least 1");
        }
    }

    public static LatenessRule within(String name, Awaits awaits, Duration within) {
        return new LatenessRule(name, awaits, within, null, null);
    }

    public static LatenessRule byNextWorkingDayAt(String name, Awaits awaits, LocalTime at) {
        return new LatenessRule(name, awaits, null, at, null);
    }

    public static LatenessRule withinWorkingDays(String name, Awaits awaits, int workingDays) {
        return new LatenessRule(name, awaits, null, null, workingDays);
    }

    /** The instant by which the recipient must have done what the rule awaits. */
    public Instant deadline(Instant sentAt, WorkingDayCalendar calendar) {
        if (within != null) {
            return sentAt.plus(within);
        }
        if (byNextWorkingDayAt != null) {
            return calendar.nextWorkingDayAt(sentAt, byNextWorkingDayAt);
        }
        return calendar.endOfWorkingDays(sentAt, withinWorkingDays);
    }

    /** The limit in Vietnamese: "trong 4 giờ", "trước 10:00 ngày làm việc tiếp theo", "trong 1 ngày làm việc". */
    public String limit() {
        if (within != null) {
            return "trong " + vietnamese(within);
        }
        if (byNextWorkingDayAt != null) {
            return "trước " + byNextWorkingDayAt + " ngày làm việc tiếp theo";
        }
        return "trong " + withinWorkingDays + " ngày làm việc";
    }

    static String vietnamese(Duration duration) {
        StringBuilder text = new StringBuilder();
        if (duration.toDaysPart() > 0) {
            text.append(duration.toDaysPart()).append(" ngày ");
        }
        if (duration.toHoursPart() > 0) {
            text.append(duration.toHoursPart()).append(" giờ ");
        }
        if (duration.toMinutesPart() > 0) {
            text.append(duration.toMinutesPart()).append(" phút ");
        }
        if (duration.toSecondsPart() > 0 || text.isEmpty()) {
            text.append(duration.toSecondsPart()).append(" giây ");
        }
        return text.toString().strip();
    }
}
