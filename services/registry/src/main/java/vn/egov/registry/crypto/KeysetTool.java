package vn.egov.registry.crypto;

import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Key management for {@link FieldCipher}: {@code new} prints a fresh keyset; {@code rotate <file>} prints the
 * keyset with a new AES-256-GCM key added as primary (old keys stay, so old data still decrypts).
 *
 * <pre>java -cp registry.jar -Dloader.main=vn.egov.registry.crypto.KeysetTool \
 *   org.springframework.boot.loader.launch.PropertiesLauncher rotate keyset.json &gt; keyset-new.json</pre>
 */
public final class KeysetTool {

    private KeysetTool() {}

    public static void main(String[] args) throws Exception {
        AeadConfig.register();
        if (args.length == 1 && args[0].equals("new")) {
            System.out.println(serialize(KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM)));
        } else if (args.length == 2 && args[0].equals("rotate")) {
            System.out.println(rotate(Files.readString(Path.of(args[1]))));
        } else {
            System.err.println("usage: KeysetTool new | rotate <keyset.json>");
            System.exit(2);
        }
    }

    /** The keyset with a new primary key added. */
    public static String rotate(String keysetJson) throws Exception {
        AeadConfig.register();
        KeysetHandle current = TinkJsonProtoKeysetFormat.parseKeyset(keysetJson, InsecureSecretKeyAccess.get());
        KeysetHandle rotated = KeysetHandle.newBuilder(current)
                .addEntry(KeysetHandle.generateEntryFromParameters(PredefinedAeadParameters.AES256_GCM)
                        .withRandomId()
                        .makePrimary())
                .build();
        return serialize(rotated);
    }

    static String serialize(KeysetHandle handle) throws Exception {
        return TinkJsonProtoKeysetFormat.serializeKeyset(handle, InsecureSecretKeyAccess.get());
    }
}
