package vn.egov.registry.citizen;

/** Tình trạng — alive, deceased (đã chết) or declared missing (mất tích). */
public enum CitizenStatus {
    ALIVE,
    DECEASED,
    MISSING
}
