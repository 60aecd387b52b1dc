package vn.egov.registry.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class FieldCipherTest {

    static String newKeyset() throws Exception {
        AeadConfig.register();
        return TinkJsonProtoKeysetFormat.serializeKeyset(
                KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM), InsecureSecretKeyAccess.get());
    }

    final UUID citizen = UUID.randomUUID();

    @Test
    void valuesRoundTripAndAreNotStoredInTheClear() throws Exception {
        FieldCipher cipher = new FieldCipher(newKeyset());
        byte[] stored = cipher.encrypt(citizen, "religion", "Phật giáo");
        assertThat(new String(stored, StandardCharsets.ISO_8859_1)).doesNotContain("Ph");
        assertThat(cipher.decrypt(citizen, "religion", stored)).isEqualTo("Phật giáo");
        assertThat(cipher.encrypt(citizen, "religion", "Phật giáo")).isNotEqualTo(stored);
        assertThat(cipher.encrypt(citizen, "religion", null)).isNull();
    }

    @Test
    void aCiphertextCannotBeMovedToAnotherCitizenOrField() throws Exception {
        FieldCipher cipher = new FieldCipher(newKeyset());
        byte[] stored = cipher.encrypt(citizen, "religion", "Công giáo");
        assertThatThrownBy(() -> cipher.decrypt(UUID.randomUUID(), "religion", stored))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> cipher.decrypt(citizen, "bloodType", stored))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void afterRotationOldDataStillDecryptsAndNewDataUsesTheNewKey() throws Exception {
        String original = newKeyset();
        FieldCipher before = new FieldCipher(original);
        byte[] old = before.encrypt(citizen, "bloodType", "AB+");

        String rotated = KeysetTool.rotate(original);
        FieldCipher after = new FieldCipher(rotated);
        assertThat(after.primaryKeyId()).isNotEqualTo(before.primaryKeyId());
        assertThat(after.decrypt(citizen, "bloodType", old)).isEqualTo("AB+");

        byte[] fresh = after.encrypt(citizen, "bloodType", "O-");
        assertThat(after.decrypt(citizen, "bloodType", fresh)).isEqualTo("O-");
        // the old keyset alone cannot read what the new primary key wrapped
        assertThatThrownBy(() -> before.decrypt(citizen, "bloodType", fresh)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aBrokenKeysetStopsTheServiceAtStartUp() {
        assertThatThrownBy(() -> new FieldCipher("{\"primaryKeyId\":1,\"key\":[]}"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("egov.registry.crypto.keyset");
    }
}
