package vn.egov.registry.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import com.jayway.jsonpath.JsonPath;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.JwtRequestPostProcessor;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import vn.egov.registry.seed.PopulationGenerator;
import vn.egov.registry.seed.PopulationLoader;
import vn.egov.registry.testing.Births;
import vn.egov.registry.testing.RegistryIntegrationTest;
import vn.egov.registry.testing.Tokens;

/**
 * Re-wrapping after a rotation: citizens encrypted under keyset A, the service running on keyset B (A rotated: a
 * new primary, A's key kept); after the re-wrap every ciphertext decrypts with a keyset holding only B's key,
 * and the API answers the same values with the same ETags.
 */
class KeyRotationIT extends RegistryIntegrationTest {

    static final String KEYSET_A;
    static final String KEYSET_B;
    static final String KEYSET_B_ONLY;

    static {
        try {
            AeadConfig.register();
            KEYSET_A = KeysetTool.serialize(KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM));
            KEYSET_B = KeysetTool.rotate(KEYSET_A);
            KeysetHandle.Builder onlyB = KeysetHandle.newBuilder(
                    TinkJsonProtoKeysetFormat.parseKeyset(KEYSET_B, InsecureSecretKeyAccess.get()));
            for (int i = onlyB.size() - 1; i >= 0; i--) {
                if (!onlyB.getAt(i).isPrimary()) {
                    onlyB.deleteAt(i);
                }
            }
            KEYSET_B_ONLY = KeysetTool.serialize(onlyB.build());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @DynamicPropertySource
    static void keyset(DynamicPropertyRegistry registry) {
        registry.add("egov.registry.crypto.keyset", () -> KEYSET_B);
        registry.add("egov.registry.crypto.rewrap.initial-delay", () -> "PT1H");
        registry.add("egov.registry.crypto.rewrap.batch-size", () -> "100");
    }

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DataSource dataSource;

    @Autowired
    MeterRegistry meters;

    @Autowired
    RewrapJob job;

    static JwtRequestPostProcessor admin() {
        return Tokens.token("admin", "egov-web", null, null, "openid", "platform-admin");
    }

    record Row(UUID id, String pid, int version, byte[] religion, byte[] bloodType) {}

    List<Row> rows() {
        return jdbc.sql("select id, pid, version, religion_ct, blood_type_ct from citizen order by pid")
                .query((rs, n) -> new Row(
                        rs.getObject("id", UUID.class),
                        rs.getString("pid"),
                        rs.getInt("version"),
                        rs.getBytes("religion_ct"),
                        rs.getBytes("blood_type_ct")))
                .list();
    }

    long loadUnderKeysetA(int count, long seed) throws Exception {
        var generator = new PopulationGenerator(
                seed,
                PopulationLoader.places(jdbc),
                PopulationLoader.issued(jdbc),
                2026,
                PopulationLoader.nextHouseholdNumber(jdbc));
        return new PopulationLoader(dataSource, new FieldCipher(KEYSET_A))
                .load(generator, count, 200, Instant.now(), n -> {});
    }

    double gauge() {
        return meters.get("egov.registry.crypto.rows.on.old.keys").gauge().value();
    }

    @Test
    void everyCiphertextMovesToTheNewPrimary_andReadsAnswerTheSame() throws Exception {
        long loaded = loadUnderKeysetA(1_000, 7);
        String fresh = Births.register(mvc, "Tạ Thị Ngọc", "FEMALE", "2000", "01-001"); // already under B
        int keyA = new FieldCipher(KEYSET_A).primaryKeyId();
        FieldCipher serviceCipher = new FieldCipher(KEYSET_B);
        int keyB = serviceCipher.primaryKeyId();
        assertThat(keyB).isNotEqualTo(keyA);

        Map<UUID, String[]> before = new HashMap<>();
        long onA = 0;
        for (Row r : rows()) {
            before.put(r.id(), new String[] {
                serviceCipher.decrypt(r.id(), "religion", r.religion()),
                serviceCipher.decrypt(r.id(), "bloodType", r.bloodType())
            });
            if ((r.religion() != null && FieldCipher.keyIdOf(r.religion()).getAsInt() == keyA)
                    || (r.bloodType() != null
                            && FieldCipher.keyIdOf(r.bloodType()).getAsInt() == keyA)) {
                onA++;
            }
        }
        assertThat(before).hasSize((int) loaded + 1);
        assertThat(onA).isGreaterThan(loaded / 2);
        // a keyset without A cannot read them yet
        Row sample = rows().stream()
                .filter(r -> r.religion() != null && !r.pid().equals(fresh))
                .findFirst()
                .orElseThrow();
        FieldCipher onlyB = new FieldCipher(KEYSET_B_ONLY);
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> onlyB.decrypt(sample.id(), "religion", sample.religion()))
                .isInstanceOf(IllegalStateException.class);

        String sampleRecord = mvc.perform(
                        get("/api/registry/citizens/{pid}/record", sample.pid()).with(Tokens.officer()))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();

        // progress before: only administrators see it
        mvc.perform(get("/api/registry/admin/key-rotation").with(Tokens.officer()))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/registry/admin/key-rotation/rewrap").with(Tokens.auditor()))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/registry/admin/key-rotation").with(admin()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.primaryKeyId").value(Integer.toUnsignedLong(keyB)))
                .andExpect(jsonPath("$.rowsOnOldKeys").value(onA));
        assertThat(gauge()).isEqualTo(onA);

        mvc.perform(post("/api/registry/admin/key-rotation/rewrap").with(admin()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.rewrapped").value(onA))
                .andExpect(jsonPath("$.rowsOnOldKeys").value(0));
        assertThat(gauge()).isZero();

        // every row decrypts with B alone, to the same values; versions untouched
        for (Row r : rows()) {
            assertThat(new String[] {
                        onlyB.decrypt(r.id(), "religion", r.religion()),
                        onlyB.decrypt(r.id(), "bloodType", r.bloodType())
                    })
                    .containsExactly(before.get(r.id()));
            if (r.religion() != null) {
                assertThat(FieldCipher.keyIdOf(r.religion())).hasValue(keyB);
            }
            assertThat(r.version()).isZero();
        }
        String after = mvc.perform(
                        get("/api/registry/citizens/{pid}/record", sample.pid()).with(Tokens.officer()))
                .andExpect(status().isOk())
                .andExpect(header().string("ETag", "\"0\""))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(JsonPath.<String>read(after, "$.religion"))
                .isEqualTo(JsonPath.<String>read(sampleRecord, "$.religion"))
                .isEqualTo(before.get(sample.id())[0]);
        assertThat(JsonPath.<String>read(after, "$.bloodType"))
                .isEqualTo(JsonPath.<String>read(sampleRecord, "$.bloodType"));
        assertThat(jdbc.sql("select count(*) from outbox_event where type like '%corrected%'")
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void theJobSkipsRowsLockedByAWriter_andTakesThemOnTheNextRun() throws Exception {
        loadUnderKeysetA(300, 11);
        List<Row> rows = rows();
        Row held = rows.stream()
                .filter(r -> r.religion() != null
                        && FieldCipher.keyIdOf(r.religion()).getAsInt() != new FieldCipher(KEYSET_B).primaryKeyId())
                .findFirst()
                .orElseThrow();
        try (Connection writer = dataSource.getConnection()) {
            writer.setAutoCommit(false);
            try (PreparedStatement lock = writer.prepareStatement("select 1 from citizen where id = ? for update")) {
                lock.setObject(1, held.id());
                lock.executeQuery().close();
            }
            job.run(); // through the ShedLock proxy, as the scheduler calls it
            mvc.perform(get("/api/registry/admin/key-rotation").with(admin()))
                    .andExpect(jsonPath("$.rowsOnOldKeys").value(1));
            assertThat(gauge()).isEqualTo(1);
            writer.rollback();
        }
        job.run();
        assertThat(gauge()).isZero();
        FieldCipher onlyB = new FieldCipher(KEYSET_B_ONLY);
        for (Row r : rows()) {
            onlyB.decrypt(r.id(), "religion", r.religion());
            onlyB.decrypt(r.id(), "bloodType", r.bloodType());
        }
    }
}
