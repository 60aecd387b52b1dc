package vn.egov.platform.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The platform is plumbing: it knows no service. */
class PlatformArchitectureTest {

    @Test
    void platformDependsOnNoService() {
        var classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("vn.egov.platform");
        noClasses()
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(ArchitectureRules.SERVICES.stream()
                        .map(s -> "vn.egov." + s + "..")
                        .toArray(String[]::new))
                .check(classes);
    }
}
