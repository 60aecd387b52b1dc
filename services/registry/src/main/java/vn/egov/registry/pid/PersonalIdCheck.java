package vn.egov.registry.pid;

import java.util.ArrayList;
import java.util.List;

/**
 * What a personal ID number encodes and whether it is well-formed, with the reasons when it is not. It says
 * nothing about whether a person holds the number.
 *
 * <p>Rules (vn-standards §4.1): exactly twelve digits; the century/sex digit must not put the birth year in
 * the future; when the caller states a sex or a birth year, they must agree with the number. A province code
 * outside the domestic table is flagged in {@code notes} ("unknown origin", e.g. a birth registered abroad),
 * not rejected.
 *
 * @param valid whether the number is well-formed (and consistent with what the caller stated)
 * @param reasons why it is not, in Vietnamese; empty when valid
 * @param notes remarks that do not make it invalid (an unknown province code)
 */
public record PersonalIdCheck(
        String number,
        boolean valid,
        List<String> reasons,
        List<String> notes,
        String provinceCode,
        String provinceName,
        Boolean knownProvince,
        Sex sex,
        Integer century,
        Integer birthYear) {

    public static PersonalIdCheck of(
            String raw, BirthRegistrationProvinces provinces, int currentYear, Sex statedSex, Integer statedBirthYear) {
        List<String> reasons = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        String number = raw == null ? "" : raw.strip();
        if (!PersonalIdNumber.hasFormat(number)) {
            if (number.length() != 12) {
                reasons.add("Số định danh cá nhân phải gồm đúng 12 chữ số (nhận được " + number.length() + " ký tự).");
            }
            if (!number.chars().allMatch(c -> c >= '0' && c <= '9')) {
                reasons.add("Số định danh cá nhân chỉ được chứa chữ số 0-9.");
            }
            return new PersonalIdCheck(number, false, reasons, notes, null, null, null, null, null, null);
        }
        PersonalIdNumber pid = new PersonalIdNumber(number);
        String province = pid.provinceCode();
        boolean known = provinces.isKnown(province);
        if (!known) {
            notes.add(
                    "Mã tỉnh " + province
                            + " không có trong danh mục mã tỉnh trong nước (nguồn gốc chưa xác định, có thể đăng ký khai sinh ở nước ngoài).");
        }
        if (pid.birthYear() > currentYear) {
            reasons.add("Chữ số thế kỷ/giới tính " + pid.centurySexDigit() + " và năm " + number.substring(4, 6)
                    + " cho năm sinh " + pid.birthYear() + ", muộn hơn năm hiện tại " + currentYear + ".");
        }
        if (statedSex != null && statedSex != pid.sex()) {
            reasons.add("Chữ số thế kỷ/giới tính " + pid.centurySexDigit() + " mã hóa giới tính "
                    + (pid.sex() == Sex.MALE ? "nam" : "nữ") + ", không khớp với giới tính đã khai.");
        }
        if (statedBirthYear != null && statedBirthYear != pid.birthYear()) {
            reasons.add("Số định danh mã hóa năm sinh " + pid.birthYear() + ", không khớp với năm sinh đã khai "
                    + statedBirthYear + ".");
        }
        boolean valid = reasons.isEmpty();
        return new PersonalIdCheck(
                number,
                valid,
                List.copyOf(reasons),
                List.copyOf(notes),
                province,
                provinces.name(province).orElse(null),
                known,
                pid.sex(),
                pid.century(),
                pid.birthYear());
    }
}
