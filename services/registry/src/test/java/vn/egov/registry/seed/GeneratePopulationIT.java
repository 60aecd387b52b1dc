package vn.egov.registry.seed;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.egov.platform.testing.EgovIntegrationTest;

/** The generator command as an operator runs it: start with --egov.registry.generate.count, get that many people. */
@EgovIntegrationTest(
        properties = {
            "egov.registry.dev-seed.enabled=false",
            "egov.registry.generate.count=2000",
            "egov.registry.generate.seed=42",
            "egov.registry.generate.exit=false",
            "egov.registry.topic=registry.citizen.v1.${egov.test.id}"
        })
class GeneratePopulationIT {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    java.time.Clock clock;

    @Test
    void theCommandLoadsADeterministicPopulation() {
        long citizens =
                jdbc.sql("select count(*) from citizen").query(Long.class).single();
        assertThat(citizens).isBetween(2000L, 2010L);
        // seed 42 always yields the same first household
        var first = new PopulationGenerator(
                        42,
                        PopulationLoader.places(jdbc),
                        java.util.Set.of(),
                        java.time.Year.now(clock).getValue())
                .nextHousehold()
                .members()
                .getFirst();
        assertThat(jdbc.sql("select full_name from citizen where pid = ?")
                        .param(first.pid())
                        .query(String.class)
                        .single())
                .isEqualTo(first.fullName());
        assertThat(jdbc.sql("select count(distinct household_id) from citizen")
                        .query(Long.class)
                        .single())
                .isEqualTo(jdbc.sql("select count(*) from household")
                        .query(Long.class)
                        .single());
        assertThat(jdbc.sql("select count(*) from residence where kind = 'PERMANENT' and valid_to is null")
                        .query(Long.class)
                        .single())
                .isEqualTo(citizens);
    }
}
