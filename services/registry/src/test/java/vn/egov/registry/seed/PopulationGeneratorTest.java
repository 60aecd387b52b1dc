package vn.egov.registry.seed;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import vn.egov.registry.pid.BirthRegistrationProvinces;
import vn.egov.registry.pid.PersonalIdCheck;

class PopulationGeneratorTest {

    static final List<PopulationGenerator.Place> PLACES = List.of(
            new PopulationGenerator.Place("01-001", "01", List.of("001")),
            new PopulationGenerator.Place("79-001", "79", List.of("079", "074", "077")),
            new PopulationGenerator.Place("46-001", "46", List.of("046")));

    static PopulationGenerator generator(long seed) {
        return new PopulationGenerator(seed, PLACES, Set.of("001099012345"), 2026);
    }

    @Test
    void theSameSeedGivesTheSamePeople_anotherSeedOthers() {
        var a = generator(42);
        var b = generator(42);
        var c = generator(43);
        for (int i = 0; i < 50; i++) {
            var ha = a.nextHousehold();
            assertThat(ha).isEqualTo(b.nextHousehold());
            assertThat(ha.members().getFirst().pid())
                    .isNotEqualTo(c.nextHousehold().members().getFirst().pid());
        }
    }

    @Test
    void numbersAreWellFormedConsistentAndNeverRepeated() {
        var generator = generator(7);
        var provinces = BirthRegistrationProvinces.load();
        Set<String> seen = new HashSet<>();
        int people = 0;
        int nguyen = 0;
        int heads = 0;
        while (people < 200_000) {
            var household = generator.nextHousehold();
            for (var p : household.members()) {
                people++;
                assertThat(seen.add(p.pid())).as("unique %s", p.pid()).isTrue();
                if (people % 97 == 0) {
                    var check = PersonalIdCheck.of(p.pid(), provinces, 2026, p.sex(), p.birthYear());
                    assertThat(check.valid())
                            .as("%s %s", p.pid(), check.reasons())
                            .isTrue();
                }
            }
            heads++;
            if (household.members().getFirst().fullName().startsWith("Nguyễn ")) {
                nguyen++;
            }
        }
        assertThat(seen).doesNotContain("001099012345");
        // Nguyễn is about 38 % of family names
        assertThat(nguyen * 100.0 / heads).isBetween(34.0, 42.0);
    }

    @Test
    void childrenCarryTheirParentsNumbers() {
        var generator = generator(11);
        for (int i = 0; i < 200; i++) {
            var members = generator.nextHousehold().members();
            var head = members.getFirst();
            members.stream().filter(m -> m.relationship().equals("CHILD")).forEach(child -> assertThat(
                            java.util.Arrays.asList(child.fatherPid(), child.motherPid()))
                    .contains(head.pid()));
        }
    }
}
