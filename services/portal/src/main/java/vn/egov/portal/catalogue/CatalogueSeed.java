package vn.egov.portal.catalogue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Loads the seed catalogue ({@code classpath:catalogue/*.json}, one procedure per file) at start-up: adds the
 * procedures that are missing and replaces those that changed (upsert by code, in one transaction, so replicas
 * starting together converge). Off with {@code egov.portal.catalogue.seed=false}.
 */
@Component
@ConditionalOnProperty(prefix = "egov.portal.catalogue", name = "seed", matchIfMissing = true)
class CatalogueSeed implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(CatalogueSeed.class);

    private final Procedures procedures;
    private final JsonMapper json;

    CatalogueSeed(Procedures procedures, JsonMapper json) {
        this.procedures = procedures;
        this.json = json;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        Resource[] files;
        try {
            files = new PathMatchingResourcePatternResolver().getResources("classpath*:catalogue/*.json");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (Resource file : files) {
            try (InputStream in = file.getInputStream()) {
                procedures.upsert(json.readValue(in, Procedure.class));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + file, e);
            }
        }
        log.info("catalogue: {} procedures seeded", files.length);
    }
}
