package vn.egov.platform.calendar;

import java.time.LocalDate;

/**
 * Ngày nghỉ — a day that is not a working day although it falls Monday to Friday (a public holiday, a
 * compensatory day, a swapped day), or, with {@code working = true}, a weekend day made a working day by an
 * official swap (làm bù).
 */
public record Holiday(LocalDate date, String name, Kind kind) {

    public enum Kind {
        /** Ngày lễ, Tết under the Labour Code 2019 art. 112. */
        PUBLIC_HOLIDAY,
        /** Nghỉ bù — the next working day after a holiday that fell on a weekend. */
        COMPENSATORY,
        /** Nghỉ hoán đổi — a working day given off by the year's official swap. */
        SWAPPED_OFF,
        /** Làm bù — a weekend day worked in exchange for a swapped day off. */
        SWAPPED_WORKING
    }

    public boolean working() {
        return kind == Kind.SWAPPED_WORKING;
    }
}
