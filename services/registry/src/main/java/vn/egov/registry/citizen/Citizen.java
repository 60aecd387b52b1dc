package vn.egov.registry.citizen;

import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
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

    /** Applies a correction; fields left null in {@code c} keep their value. */
    public Citizen corrected(Correction c, PersonalIdNumber newPid, Instant now) {
        return new Citizen(
                id,
                newPid == null ? pid : newPid,
                c.fullName() != null ? c.fullName() : fullName,
                c.otherNames() != null ? c.otherNames() : otherNames,
                c.birthDate() != null ? c.birthDate() : birthDate,
                c.sex() != null ? c.sex() : sex,
                birthRegistrationCommune,
                birthRegistrationProvince,
                c.homeTown() != null ? c.homeTown() : homeTown,
                c.ethnicCode() != null ? c.ethnicCode() : ethnicCode,
                c.religion() != null ? c.religion() : religion,
                c.bloodType() != null ? c.bloodType() : bloodType,
                c.nationality() != null ? c.nationality() : nationality,
                c.father() != null ? c.father() : father,
                c.mother() != null ? c.mother() : mother,
                c.spouse() != null ? c.spouse() : spouse,
                c.representative() != null ? c.representative() : representative,
                householdId,
                householdRelationship,
                c.status() != null ? c.status() : status,
                deathDate,
                version,
                createdAt,
                now);
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
     * Điều chỉnh thông tin — the new values of a correction; null means unchanged (a value cannot be cleared
     * through a correction).
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
            CitizenStatus status) {

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
