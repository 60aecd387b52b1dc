package vn.egov.registry.sharing;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The fields of a citizen's record that can be released, one by one, under an agreement or a consent (names as
 * in the API). The personal ID number identifies the record and is always part of an answer.
 */
public enum CitizenField {
    FULL_NAME("fullName"),
    OTHER_NAMES("otherNames"),
    DATE_OF_BIRTH("dateOfBirth"),
    SEX("sex"),
    BIRTH_REGISTRATION_PLACE("birthRegistrationPlace"),
    HOME_TOWN("homeTown"),
    ETHNICITY("ethnicity"),
    RELIGION("religion"),
    NATIONALITY("nationality"),
    BLOOD_TYPE("bloodType"),
    FATHER("father"),
    MOTHER("mother"),
    SPOUSE("spouse"),
    REPRESENTATIVE("representative"),
    HOUSEHOLD("household"),
    PERMANENT_RESIDENCE("permanentResidence"),
    TEMPORARY_RESIDENCE("temporaryResidence"),
    CURRENT_RESIDENCE("currentResidence"),
    RESIDENCE_HISTORY("residenceHistory"),
    IDENTITY_CARD("identityCard"),
    STATUS("status");

    private final String apiName;

    CitizenField(String apiName) {
        this.apiName = apiName;
    }

    public String apiName() {
        return apiName;
    }

    public static Optional<CitizenField> byApiName(String name) {
        return Arrays.stream(values()).filter(f -> f.apiName.equals(name)).findFirst();
    }

    public static List<String> allApiNames() {
        return Arrays.stream(values()).map(CitizenField::apiName).toList();
    }

    public static String describe(List<CitizenField> fields) {
        return fields.stream().map(CitizenField::apiName).collect(Collectors.joining(", "));
    }
}
