package vn.egov.registry.area;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The configured areas are checked when the service starts: a mistake stops it with a message naming it. */
class OfficerAreasTest {

    static final Set<String> PROVINCES = Set.of("01", "46", "79");

    @Test
    void nationalAndProvincialAgenciesCoverWhatTheyAreGiven() {
        var areas = OfficerAreas.areas(
                new OfficerAreaProperties(Set.of("000.00.00.G22"), Map.of("000.00.00.H57", Set.of("46"))), PROVINCES);
        assertThat(areas.get("000.00.00.G22").covers("79")).isTrue();
        assertThat(areas.get("000.00.00.G22").covers(null)).isTrue();
        assertThat(areas.get("000.00.00.H57").covers("46")).isTrue();
        assertThat(areas.get("000.00.00.H57").covers("01")).isFalse();
        assertThat(areas.get("000.00.00.H57").covers(null)).isFalse();
        assertThat(areas).doesNotContainKey("000.00.00.K99");
    }

    @Test
    void anUnknownProvinceAnAgencyBothNationalAndProvincialOrAnEmptyListStopTheService() {
        assertThatThrownBy(() -> OfficerAreas.areas(
                        new OfficerAreaProperties(Set.of(), Map.of("000.00.00.H57", Set.of("46", "63"))), PROVINCES))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("000.00.00.H57: no province with code '63'");
        assertThatThrownBy(() -> OfficerAreas.areas(
                        new OfficerAreaProperties(Set.of("000.00.00.H57"), Map.of("000.00.00.H57", Set.of("46"))),
                        PROVINCES))
                .hasMessageContaining("000.00.00.H57 is both national and limited to provinces");
        assertThatThrownBy(() -> OfficerAreas.areas(
                        new OfficerAreaProperties(Set.of(), Map.of("000.00.00.H57", Set.of())), PROVINCES))
                .hasMessageContaining("000.00.00.H57: no province listed");
    }
}
