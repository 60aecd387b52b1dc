package vn.egov.platform.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noFields;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Set;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The architecture rules every service keeps, as code (shipped in the platform test-jar): services never
 * reach into each other's code, feature packages have no cycles, time comes from an injected {@code Clock},
 * dependencies come through constructors.
 */
public final class ArchitectureRules {

    static final Set<String> SERVICES = Set.of("portal", "interchange", "registry", "reporting", "gateway");

    private ArchitectureRules() {}

    public static JavaClasses productionClasses(String service) {
        return new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("vn.egov." + service);
    }

    /** Every rule for the service whose root package is {@code vn.egov.<service>}. */
    public static List<ArchRule> forService(String service) {
        String[] others = SERVICES.stream()
                .filter(s -> !s.equals(service))
                .map(s -> "vn.egov." + s + "..")
                .toArray(String[]::new);
        return List.of(
                noClasses()
                        .should()
                        .dependOnClassesThat()
                        .resideInAnyPackage(others)
                        .because("services talk over REST and Kafka, never through each other's code"),
                slices().matching("vn.egov." + service + ".(*)..")
                        .should()
                        .beFreeOfCycles()
                        .because("feature packages depend on each other in one direction"),
                noClasses()
                        .should()
                        .callMethod(LocalDate.class, "now")
                        .orShould()
                        .callMethod(LocalDateTime.class, "now")
                        .orShould()
                        .callMethod(Instant.class, "now")
                        .orShould()
                        .callMethod(ZonedDateTime.class, "now")
                        .orShould()
                        .callMethod(OffsetDateTime.class, "now")
                        .because("time comes from an injected Clock, so rules can be tested at any date"),
                noFields().should().beAnnotatedWith(Autowired.class).because("dependencies come through constructors"));
    }

    public static void check(String service) {
        JavaClasses classes = productionClasses(service);
        forService(service).forEach(rule -> rule.check(classes));
    }
}
