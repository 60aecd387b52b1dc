package vn.egov.registry.citizen;

/** Quan hệ với chủ hộ — a member's relationship to the head of the household. */
public enum HouseholdRelationship {
    HEAD,
    SPOUSE,
    CHILD,
    PARENT,
    GRANDCHILD,
    GRANDPARENT,
    SIBLING,
    RELATIVE,
    OTHER
}
