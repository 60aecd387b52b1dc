package vn.egov.platform.calendar;

import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.context.properties.source.IterableConfigurationPropertySource;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/**
 * One {@link WorkingDayCalendar} per service, built from {@code egov.calendar.*} ({@link CalendarProperties}).
 *
 * <p>The portal's former keys {@code egov.portal.calendar.*} ({@code swaps}, {@code national-day-companion},
 * {@code cut-off}) are no longer read: a deployment still setting one of them would silently lose the days it
 * declares, so the service refuses to start and names the keys to use instead.
 */
@AutoConfiguration
@EnableConfigurationProperties(CalendarProperties.class)
public class CalendarAutoConfiguration {

    static final ConfigurationPropertyName FORMER = ConfigurationPropertyName.of("egov.portal.calendar");

    @Bean
    @ConditionalOnMissingBean
    WorkingDayCalendar workingDayCalendar(CalendarProperties properties, Environment environment) {
        refuseFormerKeys(environment);
        return properties.calendar();
    }

    /**
     * @throws IllegalStateException naming the former keys found and the {@code egov.calendar.*} keys replacing them
     */
    static void refuseFormerKeys(Environment environment) {
        List<String> found = new ArrayList<>();
        for (ConfigurationPropertySource source : ConfigurationPropertySources.get(environment)) {
            if (source instanceof IterableConfigurationPropertySource iterable) {
                iterable.stream()
                        .filter(name -> FORMER.equals(name) || FORMER.isAncestorOf(name))
                        .map(ConfigurationPropertyName::toString)
                        .filter(name -> !found.contains(name))
                        .forEach(found::add);
            }
        }
        if (!found.isEmpty()) {
            throw new IllegalStateException("The working-day calendar is configured under egov.calendar.* now; "
                    + "egov.portal.calendar.* is no longer read, so these settings would be ignored: " + found
                    + ". Move them: egov.portal.calendar.swaps -> egov.calendar.days-off (kind SWAPPED_OFF) and "
                    + "egov.calendar.working-days (kind SWAPPED_WORKING), each {date, name}; "
                    + "egov.portal.calendar.national-day-companion -> egov.calendar.national-day-companion; "
                    + "egov.portal.calendar.cut-off -> egov.calendar.cut-off.");
        }
    }
}
