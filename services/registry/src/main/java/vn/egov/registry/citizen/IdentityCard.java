package vn.egov.registry.citizen;

import java.time.LocalDate;

/** Thẻ căn cước — an identity card issued to the citizen. */
public record IdentityCard(
        String cardNumber, LocalDate issuedOn, LocalDate expiresOn, String issuedBy, String status) {}
