package vn.egov.portal.result;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.Collections;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;

/**
 * Khóa ký số của cơ quan: the agencies' e-result signing keys and certificates, read once from the configured
 * PKCS#12 keystore (one entry per agency, alias = organisation code). The certificate of the entry is also what a
 * stored result is verified against, never the certificate inside the document.
 */
public final class AgencyKeys {

    /** One agency's signing key. */
    public record SigningKey(String alias, PrivateKey key, X509Certificate certificate) {}

    private final Map<String, SigningKey> entries;
    private final String developmentAlias;

    public AgencyKeys(ResultProperties properties, ResourceLoader resources) {
        this.entries = load(resources.getResource(properties.keystore()), properties.password());
        this.developmentAlias = properties.developmentAlias() == null
                        || properties.developmentAlias().isBlank()
                ? null
                : properties.developmentAlias().toLowerCase(Locale.ROOT);
        if (developmentAlias != null && !entries.containsKey(developmentAlias)) {
            throw new IllegalStateException("the signing keystore has no entry " + developmentAlias);
        }
    }

    /** The agency's own key, or the development key where one is configured. */
    public Optional<SigningKey> forAgency(String agencyCode) {
        SigningKey own = entries.get(agencyCode.toLowerCase(Locale.ROOT));
        if (own != null) {
            return Optional.of(own);
        }
        return Optional.ofNullable(developmentAlias == null ? null : entries.get(developmentAlias));
    }

    /** The entry a result was signed with (by alias), if the keystore still holds it. */
    public Optional<SigningKey> byAlias(String alias) {
        return Optional.ofNullable(entries.get(alias.toLowerCase(Locale.ROOT)));
    }

    private static Map<String, SigningKey> load(Resource resource, String password) {
        char[] secret = password == null ? new char[0] : password.toCharArray();
        try (InputStream in = resource.getInputStream()) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, secret);
            Map<String, SigningKey> keys = new HashMap<>();
            for (String alias : Collections.list(store.aliases())) {
                if (store.isKeyEntry(alias)
                        && store.getKey(alias, secret) instanceof PrivateKey key
                        && store.getCertificate(alias) instanceof X509Certificate certificate) {
                    String name = alias.toLowerCase(Locale.ROOT);
                    keys.put(name, new SigningKey(name, key, certificate));
                }
            }
            return Map.copyOf(keys);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the e-result signing keystore " + resource, e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot open the e-result signing keystore " + resource, e);
        }
    }
}
