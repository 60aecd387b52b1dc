package vn.egov.interchange.status;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;
import vn.egov.interchange.status.LatenessRule.Awaits;
import vn.egov.platform.calendar.WorkingDayCalendar;

/**
 * Trễ hạn — judges one delivery against every {@link LatenessRule}: a rule is broken when what it awaits came after
 * its deadline, or has not come and the deadline has passed. Each flag names the rule and the deadline.
 */
@Component
@EnableConfigurationProperties(LatenessRules.class)
public class Lateness {

    private static final DateTimeFormatter VIETNAMESE_TIME =
            DateTimeFormatter.ofPattern("HH:mm dd/MM/yyyy").withZone(WorkingDayCalendar.VIETNAM);

    private final LatenessRules rules;
    private final WorkingDayCalendar calendar;

    public Lateness(LatenessRules rules, WorkingDayCalendar calendar) {
        this.rules = rules;
        this.calendar = calendar;
    }

    /** When the recipient did each thing a rule may await (null: not yet). */
    public record Progress(Instant delivered, Instant arrived, Instant answered) {
        Instant at(Awaits awaits) {
            return switch (awaits) {
                case DELIVERED -> delivered;
                case ARRIVED -> arrived;
                case ANSWERED -> answered;
            };
        }
    }

    /**
     * Cờ trễ hạn — one broken rule: its name, what it awaits, its limit, the deadline, when it was done (null: not
     * yet) and the message in Vietnamese.
     */
    public record LateFlag(
            String rule, Awaits awaits, String limit, Instant deadline, Instant doneAt, String message) {}

    /** The rules broken by a delivery sent at {@code sentAt}, as of {@code now}. */
    public List<LateFlag> flags(Instant sentAt, Progress progress, Instant now) {
        return rules.rules().stream()
                .map(rule -> flag(rule, sentAt, progress.at(rule.awaits()), now))
                .filter(java.util.Objects::nonNull)
                .toList();
    }

    private LateFlag flag(LatenessRule rule, Instant sentAt, Instant doneAt, Instant now) {
        Instant deadline = rule.deadline(sentAt, calendar);
        if (!(doneAt != null ? doneAt : now).isAfter(deadline)) {
            return null;
        }
        String what = doneAt == null
                ? "Chưa có " + rule.awaits().meaning() + " " + rule.limit()
                : "Có " + rule.awaits().meaning() + " lúc " + VIETNAMESE_TIME.format(doneAt) + ", không "
                        + rule.limit();
        String message = what + " (quy tắc " + rule.name() + ", hạn " + VIETNAMESE_TIME.format(deadline) + ").";
        return new LateFlag(rule.name(), rule.awaits(), rule.limit(), deadline, doneAt, message);
    }
}
