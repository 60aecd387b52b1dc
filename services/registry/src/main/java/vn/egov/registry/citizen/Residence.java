package vn.egov.registry.citizen;

import java.time.LocalDate;

/** One residence of a citizen (open while {@code validTo} is null), on a commune/ward of the 2025 map. */
public record Residence(
        ResidenceKind kind,
        String communeCode,
        String communeName,
        String provinceCode,
        String provinceName,
        String addressLine,
        LocalDate validFrom,
        LocalDate validTo) {}
