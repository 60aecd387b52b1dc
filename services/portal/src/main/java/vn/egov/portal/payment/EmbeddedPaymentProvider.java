package vn.egov.portal.payment;

/**
 * A payment provider running inside the portal (the SANDBOX), used when no real provider is configured. It speaks
 * the same signed protocol; it is chosen without this package naming its implementation.
 */
public interface EmbeddedPaymentProvider extends PaymentProvider {}
