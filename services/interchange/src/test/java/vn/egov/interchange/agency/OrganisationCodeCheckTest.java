package vn.egov.interchange.agency;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class OrganisationCodeCheckTest {

    @Test
    void the2016FormIsReadFromTheRight() {
        var r = OrganisationCodeCheck.check("000.00.18.G12");
        assertThat(r.valid()).isTrue();
        assertThat(r.format()).isEqualTo(OrganisationCodeFormat.QCVN102_2016);
        assertThat(r.levels())
                .containsExactly(new OrganisationCodeCheck.Level(1, "G12"), new OrganisationCodeCheck.Level(2, "18"));
        assertThat(r.level1Group()).startsWith("Bộ");
    }

    @ParameterizedTest
    @ValueSource(strings = {"G22", "G09.20", "H37.02.02", "H57", "Z01ABC123"})
    void qd20CodesAreValid(String code) {
        var r = OrganisationCodeCheck.check(code);
        assertThat(r.valid()).as(r.reasons().toString()).isTrue();
        assertThat(r.format()).isEqualTo(OrganisationCodeFormat.QD20_2020);
    }

    @Test
    void qd20LevelsAreReadLeftToRight() {
        assertThat(OrganisationCodeCheck.check("H37.02.02").levels())
                .extracting(OrganisationCodeCheck.Level::code)
                .containsExactly("H37", "02", "02");
        assertThat(OrganisationCodeCheck.check("Z01ABC").kind()).isEqualTo("OTHER_ORGANISATION");
    }

    @Test
    void lowerCaseIsAReasonNeverRewritten() {
        var r = OrganisationCodeCheck.check("000.00.00.g22");
        assertThat(r.valid()).isFalse();
        assertThat(r.code()).isEqualTo("000.00.00.g22");
        assertThat(r.reasons()).anyMatch(reason -> reason.contains("chữ in hoa"));
    }

    @Test
    void malformedCodesSayWhy() {
        assertThat(OrganisationCodeCheck.check("000.00.00.G2").reasons())
                .anyMatch(reason -> reason.contains("13 ký tự"));
        assertThat(OrganisationCodeCheck.check("000.05.00.G12").reasons())
                .anyMatch(reason -> reason.contains("cấp trên"));
        assertThat(OrganisationCodeCheck.check("22G").reasons()).anyMatch(reason -> reason.contains("cấp 1"));
        assertThat(OrganisationCodeCheck.check("G22..01").reasons()).anyMatch(reason -> reason.contains("trống"));
        assertThat(OrganisationCodeCheck.check("Z00ABC").valid()).isFalse();
        assertThat(OrganisationCodeCheck.check("G22." + "1".repeat(40)).reasons())
                .anyMatch(reason -> reason.contains("35"));
        assertThat(OrganisationCodeCheck.check("").valid()).isFalse();
    }
}
