package vn.egov.registry.seed;

import java.time.Clock;
import java.time.Year;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.egov.registry.crypto.FieldCipher;

/**
 * The synthetic-population command: with {@code --egov.registry.generate.count=N} the application migrates its
 * database, loads N synthetic citizens (deterministic from {@code --egov.registry.generate.seed}, default 42) with
 * COPY, reports the rate and exits. Refuses a database that already has citizens.
 *
 * <pre>java -jar registry.jar --spring.main.web-application-type=none \
 *     --egov.registry.dev-seed.enabled=false --egov.registry.generate.count=1000000 --egov.registry.generate.seed=42</pre>
 */
@Component
@ConditionalOnProperty(name = "egov.registry.generate.count")
class GeneratePopulation implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(GeneratePopulation.class);

    private final long count;
    private final long seed;
    private final boolean exit;
    private final JdbcClient jdbc;
    private final DataSource dataSource;
    private final FieldCipher cipher;
    private final Clock clock;
    private final ConfigurableApplicationContext context;

    GeneratePopulation(
            @Value("${egov.registry.generate.count}") long count,
            @Value("${egov.registry.generate.seed:42}") long seed,
            @Value("${egov.registry.generate.exit:true}") boolean exit,
            JdbcClient jdbc,
            DataSource dataSource,
            FieldCipher cipher,
            Clock clock,
            ConfigurableApplicationContext context) {
        this.count = count;
        this.seed = seed;
        this.exit = exit;
        this.jdbc = jdbc;
        this.dataSource = dataSource;
        this.cipher = cipher;
        this.clock = clock;
        this.context = context;
    }

    @Override
    public void run(ApplicationArguments args) throws Exception {
        if (jdbc.sql("select count(*) from citizen").query(Long.class).single() > 0) {
            log.error("the citizen table is not empty: the generator loads into an empty registry only");
            finish(2);
            return;
        }
        var generator = new PopulationGenerator(
                seed,
                PopulationLoader.places(jdbc),
                PopulationLoader.issued(jdbc),
                Year.now(clock).getValue(),
                PopulationLoader.nextHouseholdNumber(jdbc));
        long start = System.nanoTime();
        long loaded = new PopulationLoader(dataSource, cipher).load(generator, count, 5_000, clock.instant(), n -> {
            double seconds = (System.nanoTime() - start) / 1e9;
            log.info("{} citizens loaded in {} s ({} /s)", n, Math.round(seconds), Math.round(n / seconds));
        });
        jdbc.sql("analyze").update();
        double seconds = (System.nanoTime() - start) / 1e9;
        log.info(
                "generated {} citizens (seed {}) in {} s: {} citizens/s",
                loaded,
                seed,
                Math.round(seconds),
                Math.round(loaded / seconds));
        finish(0);
    }

    /** A command ends the process; tests keep it ({@code egov.registry.generate.exit=false}). */
    private void finish(int code) {
        if (exit) {
            System.exit(SpringApplication.exit(context, () -> code));
        }
    }
}
