package vn.egov.registry.citizen;

import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import vn.egov.registry.pid.PersonalIdNumber;
import vn.egov.registry.pid.Sex;

/**
 * Công dân — a person in the national population database, with the fields of the Law on Identification 2023
 * art. 9 that this registry keeps. Immutable: every change returns a new instance, and {@code version} counts
 * the changes (optimistic locking, exposed as the ETag).
 */
public record Citizen(
        UUID id,
        PersonalIdNumber pid,
        String fullName,
        String otherNames,
        BirthDate birthDate,
        Sex sex,
        String birthRegistrationCommune,
        String birthRegistrationProvince,
        String homeTown,
        String ethnicCode,
        String religion,
        String bloodType,
        String nationality,
        Relative father,
        Relative mother,
        Relative spouse,
        Relative representative,
        UUID householdId,
        HouseholdRelationship householdRelationship,
        CitizenStatus status,
        LocalDate deathDate,
        int version,
        Instant createdAt,
        Instant updatedAt) {

    public static final List<String> BLOOD_TYPES =
            List.of("A", "B", "AB", "O", "A+", "A-", "B+", "B-", "AB+", "AB-", "O+", "O-");

    public Citizen {
        Objects.requireNonNull(id);
        Objects.requireNonNull(pid);
        fullName = Names.nfc(Objects.requireNonNull(fullName));
        otherNames = Names.nfc(otherNames);
        homeTown = Names.nfc(homeTown);
        religion = Names.nfc(religion);
        Objects.requireNonNull(birthDate);
        Objects.requireNonNull(sex);
        Objects.requireNonNull(status);
        nationality = nationality == null ? "VN" : nationality;
        if (bloodType != null && !BLOOD_TYPES.contains(bloodType)) {
            throw new IllegalArgumentException("unknown blood type");
        }
    }

    /** The diacritic- and case-folded name used by name search. */
    public String nameSearchKey() {
        return Names.fold(fullName);
    }

    /** Khai tử: the citizen died on {@code date}. */
    public Citizen deceased(LocalDate date, Instant now) {
        if (status == CitizenStatus.DECEASED) {
            throw new IllegalStateException("already deceased");
        }
        return new Citizen(
                id,
                pid,
                fullName,
                otherNames,
                birthDate,
                sex,
                birthRegistrationCommune,
                birthRegistrationProvince,
                homeTown,
                ethnicCode,
                religion,
                bloodType,
                nationality,
                father,
                mother,
                spouse,
                representative,
                householdId,
                householdRelationship,
                CitizenStatus.DECEASED,
                date,
                version,
                createdAt,
                now);
    }

    /**
     * Applies a correction: a field named in {@link Correction#cleared()} becomes empty, a field given a value
     * takes it, a field left null keeps its value.
     */
    public Citizen corrected(Correction c, PersonalIdNumber newPid, Instant now) {
        return new Citizen(
                id,
                newPid == null ? pid : newPid,
                c.fullName() != null ? c.fullName() : fullName,
                pick(c, ClearableField.OTHER_NAMES, c.otherNames(), otherNames),
                c.birthDate() != null ? c.birthDate() : birthDate,
                c.sex() != null ? c.sex() : sex,
                birthRegistrationCommune,
                birthRegistrationProvince,
                pick(c, ClearableField.HOME_TOWN, c.homeTown(), homeTown),
                pick(c, ClearableField.ETHNIC_CODE, c.ethnicCode(), ethnicCode),
                pick(c, ClearableField.RELIGION, c.religion(), religion),
                pick(c, ClearableField.BLOOD_TYPE, c.bloodType(), bloodType),
                c.nationality() != null ? c.nationality() : nationality,
                pick(c, ClearableField.FATHER, c.father(), father),
                pick(c, ClearableField.MOTHER, c.mother(), mother),
                pick(c, ClearableField.SPOUSE, c.spouse(), spouse),
                pick(c, ClearableField.REPRESENTATIVE, c.representative(), representative),
                householdId,
                householdRelationship,
                c.status() != null ? c.status() : status,
                deathDate,
                version,
                createdAt,
                now);
    }

    private static <T> T pick(Correction c, ClearableField field, T proposed, T current) {
        if (c.cleared().contains(field)) {
            return null;
        }
        return proposed != null ? proposed : current;
    }

    /** Names of the fields that differ between this and {@code other} (API field names, no values). */
    public List<String> changedFields(Citizen other) {
        List<String> changed = new ArrayList<>();
        diff(changed, "pid", pid, other.pid);
        diff(changed, "fullName", fullName, other.fullName);
        diff(changed, "otherNames", otherNames, other.otherNames);
        diff(changed, "dateOfBirth", birthDate, other.birthDate);
        diff(changed, "sex", sex, other.sex);
        diff(changed, "homeTown", homeTown, other.homeTown);
        diff(changed, "ethnicity", ethnicCode, other.ethnicCode);
        diff(changed, "religion", religion, other.religion);
        diff(changed, "bloodType", bloodType, other.bloodType);
        diff(changed, "nationality", nationality, other.nationality);
        diff(changed, "father", father, other.father);
        diff(changed, "mother", mother, other.mother);
        diff(changed, "spouse", spouse, other.spouse);
        diff(changed, "representative", representative, other.representative);
        diff(changed, "status", status, other.status);
        diff(changed, "deathDate", deathDate, other.deathDate);
        return changed;
    }

    private static void diff(List<String> changed, String name, Object a, Object b) {
        if (!Objects.equals(a, b)) {
            changed.add(name);
        }
    }

    /**
     * The optional fields a correction may clear (xóa thông tin ghi sai), named as the properties of the
     * officer's correction body. Full name, date of birth, sex, nationality and status are required and are
     * never cleared.
     */
    public enum ClearableField {
        OTHER_NAMES("otherNames"),
        HOME_TOWN("homeTown"),
        ETHNIC_CODE("ethnicCode"),
        RELIGION("religion"),
        BLOOD_TYPE("bloodType"),
        FATHER("father"),
        MOTHER("mother"),
        SPOUSE("spouse"),
        REPRESENTATIVE("representative");

        private final String apiName;

        ClearableField(String apiName) {
            this.apiName = apiName;
        }

        public String apiName() {
            return apiName;
        }

        public static Optional<ClearableField> byApiName(String name) {
            return Arrays.stream(values()).filter(f -> f.apiName.equals(name)).findFirst();
        }
    }

    /** Fields of a correction that are required on every record, so cannot be cleared. */
    public static final List<String> REQUIRED_FIELDS =
            List.of("fullName", "dateOfBirth", "sex", "nationality", "status");

    /**
     * Điều chỉnh thông tin — the new values of a correction: null means unchanged; a field in {@code cleared} is
     * removed (it must not also be given a value).
     */
    public record Correction(
            String fullName,
            String otherNames,
            BirthDate birthDate,
            Sex sex,
            String homeTown,
            String ethnicCode,
            String religion,
            String bloodType,
            String nationality,
            Relative father,
            Relative mother,
            Relative spouse,
            Relative representative,
            CitizenStatus status,
            Set<ClearableField> cleared) {

        /** No change at all. */
        public static final Correction NONE = new Correction(
                null, null, null, null, null, null, null, null, null, null, null, null, null, null, null);

        public Correction {
            cleared = cleared == null || cleared.isEmpty() ? Set.of() : EnumSet.copyOf(cleared);
            for (ClearableField field : cleared) {
                Object value =
                        switch (field) {
                            case OTHER_NAMES -> otherNames;
                            case HOME_TOWN -> homeTown;
                            case ETHNIC_CODE -> ethnicCode;
                            case RELIGION -> religion;
                            case BLOOD_TYPE -> bloodType;
                            case FATHER -> father;
                            case MOTHER -> mother;
                            case SPOUSE -> spouse;
                            case REPRESENTATIVE -> representative;
                        };
                if (value != null) {
                    throw new IllegalArgumentException(field.apiName() + " is both given a value and cleared");
                }
            }
        }

        /** A correction that clears one field and changes nothing else. */
        public static Correction clearing(ClearableField field) {
            return new Correction(
                    null, null, null, null, null, null, null, null, null, null, null, null, null, null, Set.of(field));
        }

        /** A correction of one component (named as in this record) and nothing else. */
        public static Correction only(String component, Object value) {
            RecordComponent[] components = Correction.class.getRecordComponents();
            Class<?>[] types = new Class<?>[components.length];
            Object[] values = new Object[components.length];
            boolean found = false;
            for (int i = 0; i < components.length; i++) {
                types[i] = components[i].getType();
                if (components[i].getName().equals(component)) {
                    values[i] = types[i].cast(value);
                    found = true;
                }
            }
            if (!found) {
                throw new IllegalArgumentException("no correctable component " + component);
            }
            try {
                return Correction.class.getDeclaredConstructor(types).newInstance(values);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
