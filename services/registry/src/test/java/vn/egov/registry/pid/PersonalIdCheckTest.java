package vn.egov.registry.pid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PersonalIdCheckTest {

    static final BirthRegistrationProvinces PROVINCES = BirthRegistrationProvinces.load();
    static final int THIS_YEAR = 2026;

    static PersonalIdCheck check(String number) {
        return PersonalIdCheck.of(number, PROVINCES, THIS_YEAR, null, null);
    }

    @ParameterizedTest
    @CsvSource({
        "001099012345, 001, Hà Nội, MALE, 1999",
        "079303123456, 079, Thành phố Hồ Chí Minh, FEMALE, 2003",
        "046185000001, 046, Thừa Thiên Huế, FEMALE, 1985",
        "096224999999, 096, Cà Mau, MALE, 2024"
    })
    void decodesProvinceSexAndBirthYear(String number, String province, String name, Sex sex, int year) {
        PersonalIdCheck check = check(number);

        assertThat(check.valid()).isTrue();
        assertThat(check.reasons()).isEmpty();
        assertThat(check.provinceCode()).isEqualTo(province);
        assertThat(check.provinceName()).isEqualTo(name);
        assertThat(check.sex()).isEqualTo(sex);
        assertThat(check.birthYear()).isEqualTo(year);
    }

    @ParameterizedTest
    @CsvSource({"00109901234", "0010990123456", "00109901234a", "'001 099 012345'", "''", "００１０９９０１２３４５"})
    void rejectsAnythingButTwelveAsciiDigits(String number) {
        PersonalIdCheck check = check(number);

        assertThat(check.valid()).isFalse();
        assertThat(check.reasons()).isNotEmpty();
        assertThat(check.provinceCode()).isNull();
    }

    @Test
    void wrongLengthSaysHowLongItWas() {
        assertThat(check("12345").reasons())
                .anySatisfy(r -> assertThat(r).contains("12 chữ số").contains("5"));
    }

    @Test
    void unknownProvinceIsFlaggedNotRejected() {
        PersonalIdCheck check = check("003099012345");

        assertThat(check.valid()).isTrue();
        assertThat(check.knownProvince()).isFalse();
        assertThat(check.provinceName()).isNull();
        assertThat(check.notes()).singleElement().asString().contains("003");
    }

    @Test
    void birthYearInTheFutureIsInvalid() {
        // digit 4 = male born in the 2100s
        PersonalIdCheck check = check("001405012345");

        assertThat(check.valid()).isFalse();
        assertThat(check.birthYear()).isEqualTo(2105);
        assertThat(check.reasons()).singleElement().asString().contains("2105");
    }

    @Test
    void statedSexAndBirthYearMustAgreeWithTheNumber() {
        assertThat(PersonalIdCheck.of("001099012345", PROVINCES, THIS_YEAR, Sex.FEMALE, null)
                        .valid())
                .isFalse();
        assertThat(PersonalIdCheck.of("001099012345", PROVINCES, THIS_YEAR, null, 1998)
                        .reasons())
                .singleElement()
                .asString()
                .contains("1999")
                .contains("1998");
        assertThat(PersonalIdCheck.of("001099012345", PROVINCES, THIS_YEAR, Sex.MALE, 1999)
                        .valid())
                .isTrue();
    }

    @Test
    void buildsNumbersForEveryCenturyAndSex() {
        assertThat(PersonalIdNumber.of("001", Sex.MALE, 1999, 12345).value()).isEqualTo("001099012345");
        assertThat(PersonalIdNumber.of("079", Sex.FEMALE, 2003, 123456).value()).isEqualTo("079303123456");
        assertThat(PersonalIdNumber.of("046", Sex.FEMALE, 2100, 1).value()).isEqualTo("046500000001");
        assertThatThrownBy(() -> PersonalIdNumber.of("001", Sex.MALE, 1899, 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PersonalIdNumber.of("001", Sex.MALE, 2000, 1_000_000))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void provinceTableHasTheSixtyThreeCodes() {
        assertThat(PROVINCES.all()).hasSize(63).containsEntry("001", "Hà Nội").containsEntry("096", "Cà Mau");
    }
}
