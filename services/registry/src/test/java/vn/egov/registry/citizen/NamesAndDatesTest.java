package vn.egov.registry.citizen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.text.Normalizer;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class NamesAndDatesTest {

    @Test
    void textIsStoredNfcWithSingleSpaces() {
        String nfd = Normalizer.normalize("  Nguyễn   Văn  Ân ", Normalizer.Form.NFD);
        assertThat(Names.nfc(nfd)).isEqualTo(Normalizer.normalize("Nguyễn Văn Ân", Normalizer.Form.NFC));
        assertThat(Normalizer.isNormalized(Names.nfc(nfd), Normalizer.Form.NFC)).isTrue();
    }

    @Test
    void searchIgnoresDiacriticsAndCase_andFoldsDToD() {
        assertThat(Names.fold("Đặng Thị Ánh Dương")).isEqualTo("dang thi anh duong");
        assertThat(Names.fold("ĐẶNG THỊ ÁNH DƯƠNG")).isEqualTo(Names.fold("dang thi anh duong"));
        assertThat(Names.fold(Normalizer.normalize("Nguyễn", Normalizer.Form.NFD)))
                .isEqualTo("nguyen");
    }

    @Test
    void verificationComparesLettersAndDiacriticsButNotCase() {
        assertThat(Names.sameName("NGUYỄN VĂN AN", "Nguyễn Văn An")).isTrue();
        assertThat(Names.sameName("Nguyen Van An", "Nguyễn Văn An")).isFalse();
    }

    @Test
    void birthDatesMayBeKnownToTheYearOrMonthOnly() {
        assertThat(BirthDate.parse("1950")).isEqualTo(new BirthDate(1950, null, null));
        assertThat(BirthDate.parse("1950-07").toString()).isEqualTo("1950-07");
        assertThat(BirthDate.parse("1950-07-14").toString()).isEqualTo("1950-07-14");
        assertThat(BirthDate.parse("1950").isPartial()).isTrue();
        assertThat(BirthDate.parse("2026-12").notAfter(LocalDate.of(2026, 11, 30)))
                .isFalse();
        assertThat(BirthDate.parse("2026").notAfter(LocalDate.of(2026, 11, 30))).isTrue();
        assertThatThrownBy(() -> BirthDate.parse("1950-02-30")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> BirthDate.parse("1950-13")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> BirthDate.parse("14/07/1950")).isInstanceOf(IllegalArgumentException.class);
    }
}
