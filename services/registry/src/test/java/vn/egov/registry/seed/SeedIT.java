package vn.egov.registry.seed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import vn.egov.platform.testing.EgovIntegrationTest;
import vn.egov.registry.crypto.FieldCipher;
import vn.egov.registry.testing.Tokens;

/** The dev stack's registry starts with the demo citizen and a synthetic population; COPY loads in bulk. */
@EgovIntegrationTest(
        properties = {"egov.registry.dev-seed.enabled=true", "egov.registry.topic=registry.citizen.v1.${egov.test.id}"})
@AutoConfigureMockMvc
class SeedIT {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DataSource dataSource;

    @Autowired
    FieldCipher cipher;

    @Test
    void theDemoCitizenSeesTheirRecordWithHouseholdAndResidence() throws Exception {
        mvc.perform(get("/api/registry/me").with(Tokens.citizen("001099012345")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.fullName").value("Nguyễn Văn An"))
                .andExpect(jsonPath("$.sex").value("MALE"))
                .andExpect(jsonPath("$.dateOfBirth").value("1999-05-19"))
                .andExpect(jsonPath("$.household.relationshipToHead").value("CHILD"))
                .andExpect(jsonPath("$.household.members.length()").value(3))
                .andExpect(jsonPath("$.permanentResidence.provinceName").value("Hà Nội"))
                .andExpect(jsonPath("$.identityCard.cardNumber").value("001099012345"));
        mvc.perform(get("/api/registry/citizens/001099012345")
                        .with(Tokens.integrator())
                        .param("purpose", "dossier-processing"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.fullName").value("Nguyễn Văn An"))
                .andExpect(jsonPath("$.religion").doesNotExist());
        assertThat(jdbc.sql("select count(*) from citizen").query(Long.class).single())
                .isGreaterThanOrEqualTo(300);
    }

    @Test
    void copyLoadsASyntheticPopulationThatTheApplicationReads() throws Exception {
        var generator = new PopulationGenerator(
                2026,
                PopulationLoader.places(jdbc),
                PopulationLoader.issued(jdbc),
                2026,
                PopulationLoader.nextHouseholdNumber(jdbc));
        long before = jdbc.sql("select count(*) from citizen").query(Long.class).single();
        long start = System.nanoTime();
        long loaded = new PopulationLoader(dataSource, cipher).load(generator, 50_000, 2_000, Instant.now(), n -> {});
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf(
                "synthetic population: %d citizens loaded with COPY in %.1f s (%.0f/s)%n",
                loaded, seconds, loaded / seconds);
        assertThat(jdbc.sql("select count(*) from citizen").query(Long.class).single())
                .isEqualTo(before + loaded);
        String somebody = jdbc.sql("select pid from citizen where religion_ct is not null order by pid desc limit 1")
                .query(String.class)
                .single();
        mvc.perform(get("/api/registry/me").with(Tokens.citizen(somebody)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.religion").isString())
                .andExpect(jsonPath("$.household.number").isString());
    }
}
