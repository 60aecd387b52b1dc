package vn.egov.registry.pid;

/** Giới tính — sex as recorded in the population database and encoded in the personal ID number. */
public enum Sex {
    MALE,
    FEMALE
}
