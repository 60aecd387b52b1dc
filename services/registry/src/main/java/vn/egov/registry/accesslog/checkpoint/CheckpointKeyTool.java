package vn.egov.registry.accesslog.checkpoint;

import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.signature.PredefinedSignatureParameters;
import com.google.crypto.tink.signature.SignatureConfig;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Key management for {@link CheckpointKeys}: {@code new} prints a fresh keyset of one Ed25519 key; {@code rotate
 * <file>} prints the keyset with a new Ed25519 key added as primary (old keys stay, so their checkpoints still
 * verify and stay published).
 *
 * <pre>java -cp registry.jar -Dloader.main=vn.egov.registry.accesslog.checkpoint.CheckpointKeyTool \
 *   org.springframework.boot.loader.launch.PropertiesLauncher new &gt; checkpoint-keyset.json</pre>
 */
public final class CheckpointKeyTool {

    private CheckpointKeyTool() {}

    public static void main(String[] args) throws Exception {
        if (args.length == 1 && args[0].equals("new")) {
            System.out.println(generate());
        } else if (args.length == 2 && args[0].equals("rotate")) {
            System.out.println(rotate(Files.readString(Path.of(args[1]))));
        } else {
            System.err.println("usage: CheckpointKeyTool new | rotate <keyset.json>");
            System.exit(2);
        }
    }

    /** A new keyset with one Ed25519 key (raw signatures, no Tink prefix). */
    public static String generate() throws Exception {
        SignatureConfig.register();
        return serialize(KeysetHandle.generateNew(PredefinedSignatureParameters.ED25519WithRawOutput));
    }

    /** The keyset with a new primary Ed25519 key added. */
    public static String rotate(String keysetJson) throws Exception {
        SignatureConfig.register();
        KeysetHandle current = TinkJsonProtoKeysetFormat.parseKeyset(keysetJson, InsecureSecretKeyAccess.get());
        return serialize(KeysetHandle.newBuilder(current)
                .addEntry(KeysetHandle.generateEntryFromParameters(PredefinedSignatureParameters.ED25519WithRawOutput)
                        .withRandomId()
                        .makePrimary())
                .build());
    }

    private static String serialize(KeysetHandle handle) throws Exception {
        return TinkJsonProtoKeysetFormat.serializeKeyset(handle, InsecureSecretKeyAccess.get());
    }
}
