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
 * are wrapped with the new key, old ones still decrypt as long as their key stays in the keyset, and {@code
 * KeyRotation} re-wraps them with the new primary so the old key can then be disabled and removed.
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

    /**
     * The id of the key-encryption key that wrapped this ciphertext's data key, or empty when it cannot be told
     * (a key without Tink's output prefix). Tink's envelope format: the wrapped data key's length (4 bytes,
     * big-endian), the wrapped data key — which starts with the prefix {@code 0x01} and the 4-byte key id — then
     * the encrypted value.
     */
    public static java.util.OptionalInt keyIdOf(byte[] ciphertext) {
        if (ciphertext == null || ciphertext.length < 9 || ciphertext[4] != 0x01) {
            return java.util.OptionalInt.empty();
        }
        return java.util.OptionalInt.of(
                java.nio.ByteBuffer.wrap(ciphertext, 5, 4).getInt());
    }

    /** The 5 bytes at offset 4 of every ciphertext whose data key the primary key wrapped (see {@link #keyIdOf}). */
    public byte[] primaryMarker() {
        return java.nio.ByteBuffer.allocate(5)
                .put((byte) 0x01)
                .putInt(primaryKeyId)
                .array();
    }

    /** The id of the key that wraps new data keys. */
    public int primaryKeyId() {
        return primaryKeyId;
    }

    private static byte[] associatedData(UUID citizenId, String field) {
        return ("citizen/" + citizenId + "/" + field).getBytes(StandardCharsets.UTF_8);
    }
}
