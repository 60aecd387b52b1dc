package vn.egov.registry.accesslog.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;
import vn.egov.registry.events.EventContract;

/**
 * The checkpoint's signed form: the contract example is a real checkpoint signed with the development key, so its
 * canonical text is the one the schema documents; a changed head, number or link breaks the signature; keys other
 * than raw Ed25519 are refused at start-up.
 */
class CheckpointTest {

    static final String TYPE = "vn.egov.registry.access-log.checkpoint.v1";

    static String devKeyset() throws IOException {
        try (InputStream in = CheckpointTest.class.getClassLoader().getResourceAsStream("application.yaml")) {
            String yaml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            Matcher m = Pattern.compile("EGOV_REGISTRY_CHECKPOINT_KEYSET:(\\{.*\\})}")
                    .matcher(yaml);
            assertThat(m.find()).isTrue();
            return m.group(1);
        }
    }

    static Checkpoint example() {
        return JsonMapper.shared().readValue(EventContract.example(TYPE), Checkpoint.class);
    }

    @Test
    void theContractExampleIsACheckpointSignedWithTheDevelopmentKey() throws Exception {
        EventContract.assertValid(TYPE, EventContract.example(TYPE));
        CheckpointKeys keys = new CheckpointKeys(devKeyset());
        Checkpoint c = example();
        assertThat(c.keyId()).isEqualTo(keys.primaryKeyId());
        assertThat(new String(c.canonical(), StandardCharsets.US_ASCII))
                .startsWith(
                        "vn.egov.registry.access-log.checkpoint.v1\nnumber 42\ncreated-at 2026-11-29T03:05:00.123456Z\n")
                .contains("\nhead 17 1204 ca978112")
                .endsWith("\n");
        assertThat(c.computedHash()).isEqualTo(c.hash());
        assertThat(keys.verify(c.keyId(), c.canonical(), Base64.getDecoder().decode(c.signature())))
                .isTrue();
        assertThat(keys.published().keys()).singleElement().satisfies(k -> {
            assertThat(k.primary()).isTrue();
            assertThat(k.algorithm()).isEqualTo("Ed25519");
            assertThat(Base64.getDecoder().decode(k.publicKey())).hasSize(44); // SPKI: 12-byte header + 32
        });
    }

    @Test
    void anyChangeBreaksTheSignature_andHeadOrderDoesNot() throws Exception {
        CheckpointKeys keys = new CheckpointKeys(devKeyset());
        Checkpoint c = example();
        byte[] signature = Base64.getDecoder().decode(c.signature());
        Checkpoint.Head first = c.heads().getFirst();
        List<Checkpoint> changed = List.of(
                new Checkpoint(43L, c.createdAt(), c.previousHash(), c.heads(), null, null, c.keyId(), c.signature()),
                new Checkpoint(
                        c.number(), c.createdAt(), Checkpoint.GENESIS, c.heads(), null, null, c.keyId(), c.signature()),
                new Checkpoint(
                        c.number(),
                        c.createdAt(),
                        c.previousHash(),
                        List.of(
                                new Checkpoint.Head(first.chain(), first.seq() - 1, first.hash()),
                                c.heads().get(1)),
                        null,
                        null,
                        c.keyId(),
                        c.signature()),
                new Checkpoint(
                        c.number(),
                        c.createdAt(),
                        c.previousHash(),
                        List.of(first),
                        null,
                        null,
                        c.keyId(),
                        c.signature()));
        for (Checkpoint forged : changed) {
            assertThat(keys.verify(c.keyId(), forged.canonical(), signature))
                    .as("%s", forged)
                    .isFalse();
        }
        Checkpoint reordered = new Checkpoint(
                c.number(),
                c.createdAt(),
                c.previousHash(),
                c.heads().reversed(),
                null,
                null,
                c.keyId(),
                c.signature());
        assertThat(keys.verify(c.keyId(), reordered.canonical(), signature)).isTrue();
        assertThat(keys.verify(c.keyId() + 1, c.canonical(), signature)).isFalse();
    }

    @Test
    void aKeysetThatIsNotRawEd25519IsRefused() throws Exception {
        com.google.crypto.tink.signature.SignatureConfig.register();
        String tinkPrefixed = com.google.crypto.tink.TinkJsonProtoKeysetFormat.serializeKeyset(
                com.google.crypto.tink.KeysetHandle.generateNew(
                        com.google.crypto.tink.signature.PredefinedSignatureParameters.ED25519),
                com.google.crypto.tink.InsecureSecretKeyAccess.get());
        assertThatThrownBy(() -> new CheckpointKeys(tinkPrefixed)).hasMessageContaining("without output prefix");
        String rotated = CheckpointKeyTool.rotate(devKeyset());
        CheckpointKeys keys = new CheckpointKeys(rotated);
        assertThat(keys.published().keys()).hasSize(2);
        Checkpoint c = example();
        // a checkpoint signed before the rotation still verifies with the published keys
        assertThat(keys.verify(c.keyId(), c.canonical(), Base64.getDecoder().decode(c.signature())))
                .isTrue();
        assertThat(keys.primaryKeyId()).isNotEqualTo(c.keyId());
    }
}
