package vn.egov.registry.accesslog.checkpoint;

import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeyStatus;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.PublicKeySign;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.signature.Ed25519Parameters;
import com.google.crypto.tink.signature.Ed25519PublicKey;
import com.google.crypto.tink.signature.SignatureConfig;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Khóa ký điểm kiểm tra — the registry's checkpoint signing keys: a Tink keyset of Ed25519 keys without output prefix
 * from {@code egov.registry.access-log.checkpoint.signing-keyset} (env {@code EGOV_REGISTRY_CHECKPOINT_KEYSET}).
 * The primary key signs (Tink {@link PublicKeySign}); every enabled key's public half is published, so checkpoints
 * signed before a rotation still verify. Signatures are plain Ed25519 (RFC 8032) over the canonical form: anyone can
 * check them with the published key (X.509 SubjectPublicKeyInfo) and the JDK, OpenSSL or any Ed25519 library.
 */
@Component
public class CheckpointKeys {

    /** DER prefix of an Ed25519 SubjectPublicKeyInfo (RFC 8410), followed by the 32 raw key bytes. */
    private static final byte[] SPKI_PREFIX = HexFormat.of().parseHex("302a300506032b6570032100");

    /** One published key: its id (named by each checkpoint), whether it signs now, the key (base64 DER SPKI). */
    public record PublishedKey(long keyId, boolean primary, String algorithm, String publicKey) {}

    /** What {@code GET /api/registry/access-log/checkpoint-key} answers. */
    public record Published(String algorithm, long primaryKeyId, List<PublishedKey> keys) {}

    private final PublicKeySign signer;
    private final long primaryKeyId;
    private final Map<Long, PublicKey> publicKeys = new LinkedHashMap<>();
    private final Published published;

    public CheckpointKeys(@Value("${egov.registry.access-log.checkpoint.signing-keyset}") String keysetJson) {
        try {
            SignatureConfig.register();
            KeysetHandle handle = TinkJsonProtoKeysetFormat.parseKeyset(keysetJson, InsecureSecretKeyAccess.get());
            this.signer = handle.getPrimitive(RegistryConfiguration.get(), PublicKeySign.class);
            this.primaryKeyId = Integer.toUnsignedLong(handle.getPrimary().getId());
            KeysetHandle publicHandle = handle.getPublicKeysetHandle();
            List<PublishedKey> keys = new ArrayList<>();
            KeyFactory factory = KeyFactory.getInstance("Ed25519");
            for (int i = 0; i < publicHandle.size(); i++) {
                var entry = publicHandle.getAt(i);
                if (!(entry.getKey() instanceof Ed25519PublicKey key)
                        || key.getParameters().getVariant() != Ed25519Parameters.Variant.NO_PREFIX) {
                    throw new IllegalStateException("checkpoint keys must be Ed25519 keys without output prefix (key "
                            + Integer.toUnsignedLong(entry.getId()) + ")");
                }
                if (entry.getStatus() != KeyStatus.ENABLED) {
                    continue;
                }
                byte[] raw = key.getPublicKeyBytes().toByteArray();
                byte[] spki = new byte[SPKI_PREFIX.length + raw.length];
                System.arraycopy(SPKI_PREFIX, 0, spki, 0, SPKI_PREFIX.length);
                System.arraycopy(raw, 0, spki, SPKI_PREFIX.length, raw.length);
                long id = Integer.toUnsignedLong(entry.getId());
                publicKeys.put(id, factory.generatePublic(new X509EncodedKeySpec(spki)));
                keys.add(new PublishedKey(
                        id,
                        entry.isPrimary(),
                        Checkpoint.ALGORITHM,
                        Base64.getEncoder().encodeToString(spki)));
            }
            this.published = new Published(Checkpoint.ALGORITHM, primaryKeyId, List.copyOf(keys));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(
                    "the keyset in egov.registry.access-log.checkpoint.signing-keyset cannot be used", e);
        }
    }

    /** The id of the key that signs now. */
    public long primaryKeyId() {
        return primaryKeyId;
    }

    /** Ed25519 signature of {@code data} with the primary key (64 bytes). */
    public byte[] sign(byte[] data) {
        try {
            return signer.sign(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("signing the checkpoint failed", e);
        }
    }

    /** Whether {@code keyId} is one of the published keys. */
    public boolean knows(long keyId) {
        return publicKeys.containsKey(keyId);
    }

    /** Whether {@code signature} is key {@code keyId}'s Ed25519 signature of {@code data}. */
    public boolean verify(long keyId, byte[] data, byte[] signature) {
        PublicKey key = publicKeys.get(keyId);
        if (key == null) {
            return false;
        }
        try {
            Signature verifier = Signature.getInstance("Ed25519");
            verifier.initVerify(key);
            verifier.update(data);
            return verifier.verify(signature);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    public Published published() {
        return published;
    }
}
