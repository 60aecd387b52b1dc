package vn.egov.registry.crypto;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.aead.AesGcmParameters;
import com.google.crypto.tink.aead.KmsEnvelopeAead;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.UUID;

/**
 * Envelope encryption of sensitive fields (dữ liệu cá nhân nhạy cảm, Decree 13/2023 art. 2.4) with Google Tink.
 *
 * <p>Each value gets a fresh AES-256-GCM data key (DEK); the DEK is wrapped by the key-encryption keyset (KEK)
 * from configuration ({@code egov.registry.crypto.keyset}, a Tink JSON keyset of AES-GCM keys) and stored with
 * the ciphertext (Tink's {@link KmsEnvelopeAead}). The citizen id and the field name are bound as associated
 * data, so a ciphertext cannot be moved to another row or column.
 *
 * <p>Rotation: add a new key to the keyset and make it primary ({@link KeysetTool} {@code rotate}); new values
 * are wrapped with the new key, old ones still decrypt as long as their key stays in the keyset.
 */
public final class FieldCipher {

    private final Aead envelope;
    private final int primaryKeyId;

    public FieldCipher(String keysetJson) {
        try {
            AeadConfig.register();
            KeysetHandle kek = TinkJsonProtoKeysetFormat.parseKeyset(keysetJson, InsecureSecretKeyAccess.get());
            Aead wrapper = kek.getPrimitive(RegistryConfiguration.get(), Aead.class);
            AesGcmParameters dek = AesGcmParameters.builder()
                    .setKeySizeBytes(32)
                    .setIvSizeBytes(12)
                    .setTagSizeBytes(16)
                    .setVariant(AesGcmParameters.Variant.NO_PREFIX)
                    .build();
            this.envelope = KmsEnvelopeAead.create(dek, wrapper);
            this.primaryKeyId = kek.getPrimary().getId();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the keyset in egov.registry.crypto.keyset cannot be used", e);
        }
    }

    public byte[] encrypt(UUID citizenId, String field, String plaintext) {
        if (plaintext == null) {
            return null;
        }
        try {
            return envelope.encrypt(plaintext.getBytes(StandardCharsets.UTF_8), associatedData(citizenId, field));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("encryption failed", e);
        }
    }

    public String decrypt(UUID citizenId, String field, byte[] ciphertext) {
        if (ciphertext == null) {
            return null;
        }
        try {
            return new String(envelope.decrypt(ciphertext, associatedData(citizenId, field)), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("decryption of " + field + " failed (key missing from the keyset?)", e);
        }
    }

    /** The id of the key that wraps new data keys. */
    public int primaryKeyId() {
        return primaryKeyId;
    }

    private static byte[] associatedData(UUID citizenId, String field) {
        return ("citizen/" + citizenId + "/" + field).getBytes(StandardCharsets.UTF_8);
    }
}
