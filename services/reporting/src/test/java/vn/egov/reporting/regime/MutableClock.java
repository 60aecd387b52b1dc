package vn.egov.reporting.regime;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/** A clock tests move by hand, in Vietnam's time zone like the service's own. */
public final class MutableClock extends Clock {

    public static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

    private volatile Instant instant;

    public MutableClock(Instant instant) {
        this.instant = instant;
    }

    /** Sets the time to {@code iso}, a local date-time in Vietnam such as {@code 2026-11-18T09:00}. */
    public void set(String iso) {
        instant = java.time.LocalDateTime.parse(iso).atZone(VIETNAM).toInstant();
    }

    public ZonedDateTime now() {
        return instant.atZone(VIETNAM);
    }

    @Override
    public ZoneId getZone() {
        return VIETNAM;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return Clock.fixed(instant, zone);
    }

    @Override
    public Instant instant() {
        return instant;
    }
}
