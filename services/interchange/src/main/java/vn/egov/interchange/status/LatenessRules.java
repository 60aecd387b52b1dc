package vn.egov.interchange.status;

import java.time.Duration;
import java.time.LocalTime;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import vn.egov.interchange.status.LatenessRule.Awaits;

/**
 * The lateness rules of the sender's timeline ({@code egov.interchange.lateness.rules}); without configuration: the
 * recipient's system takes the document within 4 h, and the recipient answers (03 or 02) by 10:00 of the next
 * working day.
 */
@ConfigurationProperties("egov.interchange.lateness")
public record LatenessRules(List<LatenessRule> rules) {

    public static final List<LatenessRule> DEFAULTS = List.of(
            LatenessRule.within("delivered-within-4h", Awaits.DELIVERED, Duration.ofHours(4)),
            LatenessRule.byNextWorkingDayAt("answered-by-next-working-morning", Awaits.ANSWERED, LocalTime.of(10, 0)));

    public LatenessRules {
        rules = rules == null ? DEFAULTS : List.copyOf(rules);
        Set<String> names = new HashSet<>();
        for (LatenessRule rule : rules) {
            if (!names.add(rule.name())) {
                throw new IllegalArgumentException(
                        "egov.interchange.lateness.rules: the name " + rule.name() + " is used twice");
            }
        }
    }
}
