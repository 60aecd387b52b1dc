package vn.egov.registry.sharing;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;
import vn.egov.registry.citizen.Citizen;
import vn.egov.registry.citizen.Citizens;
import vn.egov.registry.citizen.Household;
import vn.egov.registry.citizen.Relative;
import vn.egov.registry.citizen.Residence;
import vn.egov.registry.citizen.ResidenceKind;

/**
 * Builds the JSON answer for a citizen with exactly the given fields: nothing outside the set is loaded or
 * written. Absent values are {@code null}, so the caller sees which agreed fields the registry has no value for.
 */
@Component
public class CitizenViews {

    private final Citizens citizens;

    public CitizenViews(Citizens citizens) {
        this.citizens = citizens;
    }

    public Map<String, Object> view(Citizen c, Collection<CitizenField> wanted) {
        Set<CitizenField> fields = wanted.isEmpty() ? EnumSet.noneOf(CitizenField.class) : EnumSet.copyOf(wanted);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("pid", c.pid().value());
        List<Residence> residences = needsResidences(fields) ? citizens.residences(c.id()) : List.of();
        for (CitizenField field : fields) {
            out.put(
                    field.apiName(),
                    switch (field) {
                        case FULL_NAME -> c.fullName();
                        case OTHER_NAMES -> c.otherNames();
                        case DATE_OF_BIRTH -> c.birthDate().toString();
                        case SEX -> c.sex().name();
                        case BIRTH_REGISTRATION_PLACE -> place(c);
                        case HOME_TOWN -> c.homeTown();
                        case ETHNICITY ->
                            c.ethnicCode() == null
                                    ? null
                                    : Map.of(
                                            "code",
                                            c.ethnicCode(),
                                            "name",
                                            citizens.ethnicGroupName(c.ethnicCode())
                                                    .orElse(""));
                        case RELIGION -> c.religion();
                        case NATIONALITY -> c.nationality();
                        case BLOOD_TYPE -> c.bloodType();
                        case FATHER -> relative(c.father());
                        case MOTHER -> relative(c.mother());
                        case SPOUSE -> relative(c.spouse());
                        case REPRESENTATIVE -> relative(c.representative());
                        case HOUSEHOLD ->
                            citizens.household(c.householdId())
                                    .map(h -> household(h, c))
                                    .orElse(null);
                        case PERMANENT_RESIDENCE -> open(residences, ResidenceKind.PERMANENT);
                        case TEMPORARY_RESIDENCE -> open(residences, ResidenceKind.TEMPORARY);
                        case CURRENT_RESIDENCE -> open(residences, ResidenceKind.CURRENT);
                        case RESIDENCE_HISTORY ->
                            residences.stream().map(CitizenViews::residence).toList();
                        case IDENTITY_CARD ->
                            citizens.identityCards(c.id()).stream()
                                    .filter(card -> card.status().equals("VALID"))
                                    .reduce((a, b) -> b)
                                    .orElse(null);
                        case STATUS -> status(c);
                    });
        }
        return out;
    }

    private static boolean needsResidences(Set<CitizenField> fields) {
        return fields.contains(CitizenField.PERMANENT_RESIDENCE)
                || fields.contains(CitizenField.TEMPORARY_RESIDENCE)
                || fields.contains(CitizenField.CURRENT_RESIDENCE)
                || fields.contains(CitizenField.RESIDENCE_HISTORY);
    }

    private static Map<String, Object> place(Citizen c) {
        if (c.birthRegistrationCommune() == null && c.birthRegistrationProvince() == null) {
            return null;
        }
        Map<String, Object> place = new LinkedHashMap<>();
        place.put("communeCode", c.birthRegistrationCommune());
        place.put("provinceCode", c.birthRegistrationProvince());
        return place;
    }

    private static Map<String, Object> status(Citizen c) {
        Map<String, Object> status = new LinkedHashMap<>();
        status.put("status", c.status().name());
        status.put("deathDate", c.deathDate() == null ? null : c.deathDate().toString());
        return status;
    }

    private static Map<String, Object> relative(Relative r) {
        if (r == null) {
            return null;
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("pid", r.pid());
        out.put("name", r.name());
        return out;
    }

    private static Map<String, Object> household(Household h, Citizen c) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("number", h.number());
        out.put("headPid", h.headPid());
        out.put(
                "relationshipToHead",
                c.householdRelationship() == null
                        ? null
                        : c.householdRelationship().name());
        out.put("communeCode", h.communeCode());
        out.put("addressLine", h.addressLine());
        List<Map<String, Object>> members = new ArrayList<>();
        for (Household.Member m : h.members()) {
            Map<String, Object> member = new LinkedHashMap<>();
            member.put("pid", m.pid());
            member.put("fullName", m.fullName());
            member.put("relationship", m.relationship().name());
            members.add(member);
        }
        out.put("members", members);
        return out;
    }

    private static Map<String, Object> open(List<Residence> residences, ResidenceKind kind) {
        return residences.stream()
                .filter(r -> r.kind() == kind && r.validTo() == null)
                .findFirst()
                .map(CitizenViews::residence)
                .orElse(null);
    }

    private static Map<String, Object> residence(Residence r) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("kind", r.kind().name());
        out.put("addressLine", r.addressLine());
        out.put("communeCode", r.communeCode());
        out.put("communeName", r.communeName());
        out.put("provinceCode", r.provinceCode());
        out.put("provinceName", r.provinceName());
        out.put("validFrom", r.validFrom().toString());
        out.put("validTo", r.validTo() == null ? null : r.validTo().toString());
        return out;
    }
}
