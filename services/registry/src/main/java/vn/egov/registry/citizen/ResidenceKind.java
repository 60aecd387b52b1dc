package vn.egov.registry.citizen;

/** Nơi thường trú (permanent), tạm trú (temporary), nơi ở hiện tại (current). */
public enum ResidenceKind {
    PERMANENT,
    TEMPORARY,
    CURRENT
}
