package vn.egov.registry.citizen;

import java.util.List;
import java.util.UUID;

/** Hộ gia đình — a household in the residence register, with its head and members. */
public record Household(
        UUID id, String number, String headPid, String communeCode, String addressLine, List<Member> members) {

    /** A member and their relationship to the head ({@code quan hệ với chủ hộ}). */
    public record Member(String pid, String fullName, HouseholdRelationship relationship) {}
}
