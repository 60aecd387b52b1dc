package vn.egov.platform.calendar;

import java.time.LocalDate;

/**
 * Âm lịch — the Vietnamese lunisolar calendar, computed for Vietnam's time zone (UTC+7) with the astronomical
 * new-moon and solar-longitude series published by Hồ Ngọc Đức (after Jean Meeus, "Astronomical Algorithms").
 * Only the conversion the holiday calendar needs is exposed: a lunar date of a lunar year to the solar date.
 */
public final class LunarCalendar {

    private static final double TIME_ZONE = 7.0;

    private LunarCalendar() {}

    /**
     * The solar date of lunar day/month in the lunar year that starts in solar year {@code lunarYear} (so Tết of
     * {@code lunarYear} is {@code toSolar(1, 1, lunarYear)}). Leap months are not addressed here.
     */
    public static LocalDate toSolar(int lunarDay, int lunarMonth, int lunarYear) {
        long a11;
        long b11;
        if (lunarMonth < 11) {
            a11 = lunarMonth11(lunarYear - 1);
            b11 = lunarMonth11(lunarYear);
        } else {
            a11 = lunarMonth11(lunarYear);
            b11 = lunarMonth11(lunarYear + 1);
        }
        long k = (long) Math.floor(0.5 + (a11 - 2415021.076998695) / 29.530588853);
        int off = lunarMonth - 11;
        if (off < 0) {
            off += 12;
        }
        if (b11 - a11 > 365) {
            int leapOff = leapMonthOffset(a11);
            int leapMonth = leapOff - 2;
            if (leapMonth < 0) {
                leapMonth += 12;
            }
            if (off >= leapOff) {
                off += 1;
            }
        }
        long monthStart = newMoonDay(k + off);
        return fromJulianDay(monthStart + lunarDay - 1);
    }

    /** The last day of the lunar year that ends early in solar year {@code lunarYear + 1} (the eve of Tết). */
    public static LocalDate lastDayOfYear(int lunarYear) {
        return toSolar(1, 1, lunarYear + 1).minusDays(1);
    }

    static long julianDay(LocalDate date) {
        int dd = date.getDayOfMonth();
        int mm = date.getMonthValue();
        int yy = date.getYear();
        int a = (14 - mm) / 12;
        int y = yy + 4800 - a;
        int m = mm + 12 * a - 3;
        long jd = dd + (153L * m + 2) / 5 + 365L * y + y / 4 - y / 100 + y / 400 - 32045;
        if (jd < 2299161) {
            jd = dd + (153L * m + 2) / 5 + 365L * y + y / 4 - 32083;
        }
        return jd;
    }

    static LocalDate fromJulianDay(long jd) {
        long a;
        long b;
        long c;
        if (jd > 2299160) {
            a = jd + 32044;
            b = (4 * a + 3) / 146097;
            c = a - (b * 146097) / 4;
        } else {
            b = 0;
            c = jd + 32082;
        }
        long d = (4 * c + 3) / 1461;
        long e = c - (1461 * d) / 4;
        long m = (5 * e + 2) / 153;
        int day = (int) (e - (153 * m + 2) / 5 + 1);
        int month = (int) (m + 3 - 12 * (m / 10));
        int year = (int) (b * 100 + d - 4800 + m / 10);
        return LocalDate.of(year, month, day);
    }

    /** The Julian day number of the local day holding the k-th new moon after 1900-01-01. */
    static long newMoonDay(long k) {
        return (long) Math.floor(newMoon(k) + 0.5 + TIME_ZONE / 24);
    }

    private static double newMoon(long k) {
        double t = k / 1236.85;
        double t2 = t * t;
        double t3 = t2 * t;
        double dr = Math.PI / 180;
        double jd1 = 2415020.75933 + 29.53058868 * k + 0.0001178 * t2 - 0.000000155 * t3;
        jd1 += 0.00033 * Math.sin((166.56 + 132.87 * t - 0.009173 * t2) * dr);
        double m = 359.2242 + 29.10535608 * k - 0.0000333 * t2 - 0.00000347 * t3;
        double mpr = 306.0253 + 385.81691806 * k + 0.0107306 * t2 + 0.00001236 * t3;
        double f = 21.2964 + 390.67050646 * k - 0.0016528 * t2 - 0.00000239 * t3;
        double c1 = (0.1734 - 0.000393 * t) * Math.sin(m * dr) + 0.0021 * Math.sin(2 * dr * m);
        c1 = c1 - 0.4068 * Math.sin(mpr * dr) + 0.0161 * Math.sin(dr * 2 * mpr);
        c1 = c1 - 0.0004 * Math.sin(dr * 3 * mpr);
        c1 = c1 + 0.0104 * Math.sin(dr * 2 * f) - 0.0051 * Math.sin(dr * (m + mpr));
        c1 = c1 - 0.0074 * Math.sin(dr * (m - mpr)) + 0.0004 * Math.sin(dr * (2 * f + m));
        c1 = c1 - 0.0004 * Math.sin(dr * (2 * f - m)) - 0.0006 * Math.sin(dr * (2 * f + mpr));
        c1 = c1 + 0.0010 * Math.sin(dr * (2 * f - mpr)) + 0.0005 * Math.sin(dr * (2 * mpr + m));
        double deltat;
        if (t < -11) {
            deltat = 0.001 + 0.000839 * t + 0.0002261 * t2 - 0.00000845 * t3 - 0.000000081 * t * t3;
        } else {
            deltat = -0.000278 + 0.000265 * t + 0.000262 * t2;
        }
        return jd1 + c1 - deltat;
    }

    /** The sun's longitude at the start of the given local day, as one of 12 sectors of 30°. */
    static int sunLongitudeSector(long dayNumber) {
        double t = (dayNumber - 2451545.5 - TIME_ZONE / 24) / 36525;
        double t2 = t * t;
        double dr = Math.PI / 180;
        double m = 357.52910 + 35999.05030 * t - 0.0001559 * t2 - 0.00000048 * t * t2;
        double l0 = 280.46645 + 36000.76983 * t + 0.0003032 * t2;
        double dl = (1.914600 - 0.004817 * t - 0.000014 * t2) * Math.sin(dr * m);
        dl = dl + (0.019993 - 0.000101 * t) * Math.sin(dr * 2 * m) + 0.000290 * Math.sin(dr * 3 * m);
        double l = (l0 + dl) * dr;
        l = l - Math.PI * 2 * Math.floor(l / (Math.PI * 2));
        return (int) Math.floor(l / Math.PI * 6);
    }

    /** The Julian day of the start of lunar month 11 (the month holding the winter solstice) of a year. */
    static long lunarMonth11(int year) {
        long off = julianDay(LocalDate.of(year, 12, 31)) - 2415021;
        long k = (long) Math.floor(off / 29.530588853);
        long nm = newMoonDay(k);
        if (sunLongitudeSector(nm) >= 9) {
            nm = newMoonDay(k - 1);
        }
        return nm;
    }

    static int leapMonthOffset(long a11) {
        long k = (long) Math.floor((a11 - 2415021.076998695) / 29.530588853 + 0.5);
        int last;
        int i = 1;
        int arc = sunLongitudeSector(newMoonDay(k + i));
        do {
            last = arc;
            i++;
            arc = sunLongitudeSector(newMoonDay(k + i));
        } while (arc != last && i < 14);
        return i - 1;
    }
}
