package vn.egov.portal.result;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code egov.portal.result}: where the agencies' signing keys for e-results are.
 *
 * @param keystore a PKCS#12 keystore (Spring resource location), one private-key entry per agency whose alias is
 *     the agency's organisation code (case-insensitive)
 * @param password the keystore's and its entries' password
 * @param developmentAlias the entry that signs for agencies without their own entry; development only — leave
 *     empty in production so an agency without a key cannot complete dossiers
 */
@ConfigurationProperties("egov.portal.result")
public record ResultProperties(String keystore, String password, String developmentAlias) {}
