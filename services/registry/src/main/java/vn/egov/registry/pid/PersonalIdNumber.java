package vn.egov.registry.pid;

import java.util.regex.Pattern;

/**
 * Số định danh cá nhân — the 12-digit personal ID number (Law on Identification 2023 art. 12; layout from
 * Decree 137/2015 art. 13): {@code PPP G YY RRRRRR}, where PPP is the province (or country) of birth
 * registration, G encodes century and sex, YY the last two digits of the birth year and RRRRRR is random.
 * There is no check digit: only the format, the province and the consistency with sex and birth year can be
 * checked (see {@link PersonalIdCheck}).
 *
 * <p>An instance always has the right shape: twelve ASCII digits.
 */
public record PersonalIdNumber(String value) {

    private static final Pattern FORMAT = Pattern.compile("\\d{12}");

    public PersonalIdNumber {
        if (value == null || !FORMAT.matcher(value).matches()) {
            throw new IllegalArgumentException("a personal ID number is twelve digits");
        }
    }

    public static boolean hasFormat(String candidate) {
        return candidate != null && FORMAT.matcher(candidate).matches();
    }

    /** Builds the number for a birth: the province of registration, sex, birth year and a random part. */
    public static PersonalIdNumber of(String provinceCode, Sex sex, int birthYear, int randomPart) {
        if (birthYear < 1900 || birthYear > 2399) {
            throw new IllegalArgumentException("birth year outside 1900-2399 cannot be encoded");
        }
        if (randomPart < 0 || randomPart > 999_999) {
            throw new IllegalArgumentException("the random part has six digits");
        }
        int century = (birthYear - 1900) / 100;
        int digit = century * 2 + (sex == Sex.FEMALE ? 1 : 0);
        return new PersonalIdNumber("%s%d%02d%06d".formatted(provinceCode, digit, birthYear % 100, randomPart));
    }

    public String provinceCode() {
        return value.substring(0, 3);
    }

    /** The century/sex digit G: 0/1 for the 1900s, 2/3 for the 2000s, ... even is male, odd is female. */
    public int centurySexDigit() {
        return value.charAt(3) - '0';
    }

    public Sex sex() {
        return centurySexDigit() % 2 == 0 ? Sex.MALE : Sex.FEMALE;
    }

    /** The first year of the encoded century: 1900, 2000, 2100, 2200 or 2300. */
    public int century() {
        return 1900 + (centurySexDigit() / 2) * 100;
    }

    public int birthYear() {
        return century() + Integer.parseInt(value.substring(4, 6));
    }

    public int randomPart() {
        return Integer.parseInt(value.substring(6));
    }

    @Override
    public String toString() {
        return value;
    }
}
