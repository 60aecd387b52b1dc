package vn.egov.portal.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.egov.portal.filing.FormValidator;

/** The seed catalogue: every procedure is complete, consistent with its form, and its form schema compiles. */
class CatalogueSeedTest {

    static final Set<String> REGISTRY_FIELDS = Set.of(
            "fullName",
            "otherNames",
            "dateOfBirth",
            "sex",
            "birthRegistrationPlace",
            "homeTown",
            "ethnicity",
            "religion",
            "nationality",
            "bloodType",
            "father",
            "mother",
            "spouse",
            "representative",
            "household",
            "permanentResidence",
            "temporaryResidence",
            "currentResidence",
            "residenceHistory",
            "identityCard",
            "status");
    static final Set<String> ROLES = Set.of("officer", "clerk", "agency-admin");

    final JsonMapper json = JsonMapper.builder().build();

    List<Procedure> seed() throws Exception {
        List<Procedure> out = new ArrayList<>();
        for (Resource r : new PathMatchingResourcePatternResolver().getResources("classpath*:catalogue/*.json")) {
            try (InputStream in = r.getInputStream()) {
                Procedure p = json.readValue(in, Procedure.class);
                assertThat(r.getFilename()).isEqualTo(p.code() + ".json");
                out.add(p);
            }
        }
        return out;
    }

    @Test
    void atLeastTenProceduresWithTheirOwnAgencyMostlyThoseOfTheDemoRealm() throws Exception {
        List<Procedure> seed = seed();
        assertThat(seed).hasSizeGreaterThanOrEqualTo(10);
        assertThat(seed.stream().map(Procedure::code).distinct()).hasSize(seed.size());
        long demo = seed.stream()
                .filter(p -> Set.of("000.00.00.H57", "000.00.00.G22").contains(p.agencyCode()))
                .count();
        assertThat(demo).isGreaterThan(seed.size() / 2);
        assertThat(seed).anyMatch(p -> p.level() == 3).anyMatch(p -> p.level() == 4);
        assertThat(seed).anyMatch(Procedure::fullyOnline).anyMatch(p -> !p.fullyOnline());
        assertThat(seed).anyMatch(Procedure::interAgency);
        assertThat(seed.stream().map(Procedure::timeLimitDays).distinct().count())
                .isGreaterThan(3);
    }

    @Test
    void everyProcedureIsCompleteAndConsistentWithItsForm() throws Exception {
        FormValidator validator = new FormValidator();
        for (Procedure p : seed()) {
            assertThat(p.code()).matches("[0-9]\\.[0-9]{6}");
            assertThat(p.agencyCode()).matches("[0-9]{3}\\.[0-9]{2}\\.[0-9]{2}\\.[A-Z][0-9]{2}");
            assertThat(p.name()).isNotBlank();
            assertThat(p.timeLimitDays()).isPositive();
            assertThat(p.documents().size()).as(p.code()).isPositive();
            assertThat(p.fees().size()).as(p.code()).isPositive();
            assertThat(p.interAgency()).isEqualTo(p.transferAgencyCode() != null);
            double days = 0;
            for (JsonNode step : p.steps()) {
                assertThat(ROLES).contains(step.path("role").asString());
                days += step.path("workingDays").asDouble();
            }
            assertThat(days).as(p.code() + " steps within the time limit").isLessThanOrEqualTo(p.timeLimitDays());
            JsonNode schema = p.formSchema();
            assertThat(schema.path("$schema").asString()).isEqualTo("https://json-schema.org/draft/2020-12/schema");
            for (var mapping : p.prefillMap().entrySet()) {
                JsonNode node = schema;
                for (String part : mapping.getKey().split("\\.")) {
                    node = node.path("properties").path(part);
                }
                assertThat(node.isMissingNode())
                        .as(p.code() + " form field " + mapping.getKey())
                        .isFalse();
                assertThat(REGISTRY_FIELDS).contains(mapping.getValue().split("\\.")[0]);
            }
            // an empty form is refused, naming the applicant block in Vietnamese
            var problems = validator.validate(p, json.createObjectNode());
            assertThat(problems).anySatisfy(f -> {
                assertThat(f.field()).isEqualTo("form.nguoiNopHoSo");
                assertThat(f.reason()).isEqualTo("Thông tin người nộp hồ sơ: bắt buộc nhập.");
            });
            Set<String> titled = new HashSet<>();
            schema.path("properties").properties().forEach(e -> {
                if (e.getValue().hasNonNull("title")) {
                    titled.add(e.getKey());
                }
            });
            assertThat(titled)
                    .as(p.code() + " every section has a Vietnamese title")
                    .hasSize(schema.path("properties").size());
        }
    }
}
