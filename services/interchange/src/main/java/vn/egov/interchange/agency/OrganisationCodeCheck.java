package vn.egov.interchange.agency;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Mã định danh cơ quan — checks an organisation code in either the QCVN 102:2016 form or the QĐ 20/2020 form and
 * explains, in Vietnamese, every reason it is not well-formed. The code is never rewritten: a lower-case letter is
 * a reason, not something to fix.
 */
public final class OrganisationCodeCheck {

    private static final Pattern FORM_2016 = Pattern.compile("\\d{3}\\.\\d{2}\\.\\d{2}\\.[A-Z]\\d{2}");
    private static final Pattern LEVEL1 = Pattern.compile("[A-Y]\\d{2}");
    private static final Pattern GROUP = Pattern.compile("[0-9A-Z]+");
    private static final Pattern OTHER_ORGANISATION = Pattern.compile("Z\\d{2}[0-9A-Z]{1,32}");

    private OrganisationCodeCheck() {}

    /** The outcome: well-formed or not, the form recognised, the levels read, and the reasons when not valid. */
    public record Result(
            String code,
            boolean valid,
            OrganisationCodeFormat format,
            String kind,
            String level1Group,
            List<Level> levels,
            List<String> reasons) {

        public Result {
            levels = List.copyOf(levels);
            reasons = List.copyOf(reasons);
        }
    }

    /** One level of the hierarchy: 1 is the top (ministry, province), each further level a unit below it. */
    public record Level(int level, String code) {}

    public static Result check(String raw) {
        String code = raw == null ? "" : raw;
        List<String> reasons = new ArrayList<>();
        if (code.isEmpty()) {
            reasons.add("Mã định danh không được để trống.");
            return new Result(code, false, null, null, null, List.of(), reasons);
        }
        if (!code.equals(code.strip())) {
            reasons.add("Mã định danh không được có khoảng trắng ở đầu hoặc cuối.");
        }
        if (!code.equals(code.toUpperCase(java.util.Locale.ROOT))) {
            reasons.add("Mã định danh chỉ dùng chữ in hoa (A–Z); không tự sửa chữ thường.");
        }
        if (looksLike2016(code)) {
            return check2016(code, reasons);
        }
        return checkQd20(code, reasons);
    }

    public static boolean isValid(String code) {
        return check(code).valid();
    }

    /** Three digits then a dot at the start: the 2016 four-level form (a QĐ 20 code starts with a letter). */
    private static boolean looksLike2016(String code) {
        return code.length() >= 4
                && Character.isDigit(code.charAt(0))
                && Character.isDigit(code.charAt(1))
                && Character.isDigit(code.charAt(2))
                && code.charAt(3) == '.';
    }

    private static Result check2016(String code, List<String> reasons) {
        if (code.length() != 13) {
            reasons.add("Mã theo QCVN 102:2016 phải có đúng 13 ký tự (V1V2V3.Z1Z2.Y1Y2.MX1X2), mã này có "
                    + code.length() + " ký tự.");
        }
        if (!FORM_2016.matcher(code).matches()) {
            reasons.add("Mã theo QCVN 102:2016 phải có dạng 3 chữ số, 2 chữ số, 2 chữ số và một chữ cái kèm 2 chữ số,"
                    + " ngăn cách bằng dấu chấm (ví dụ 000.00.00.G22).");
            return new Result(code, false, OrganisationCodeFormat.QCVN102_2016, "STATE_BODY", null, List.of(), reasons);
        }
        String[] parts = code.split("\\.");
        String level1 = parts[3];
        String level2 = parts[2];
        String level3 = parts[1];
        String level4 = parts[0];
        List<Level> levels = new ArrayList<>();
        levels.add(new Level(1, level1));
        if (level1.charAt(0) == 'Z') {
            reasons.add("Chữ cái Z dành cho tổ chức khác theo QĐ 20/2020, không dùng cho cơ quan nhà nước.");
        }
        if (level1.endsWith("00")) {
            reasons.add("Mã cấp 1 (" + level1 + ") không được là 00.");
        }
        boolean parentMissing = false;
        String[] lower = {level2, level3, level4};
        for (int i = 0; i < lower.length; i++) {
            boolean zero = lower[i].chars().allMatch(c -> c == '0');
            if (zero) {
                parentMissing = true;
            } else if (parentMissing) {
                reasons.add("Mã cấp " + (i + 2) + " (" + lower[i] + ") có giá trị trong khi cấp trên của nó bằng 0.");
            } else {
                levels.add(new Level(i + 2, lower[i]));
            }
        }
        return new Result(
                code,
                reasons.isEmpty(),
                OrganisationCodeFormat.QCVN102_2016,
                "STATE_BODY",
                groupOf(level1.charAt(0)),
                levels,
                reasons);
    }

    private static Result checkQd20(String code, List<String> reasons) {
        OrganisationCodeFormat format = OrganisationCodeFormat.QD20_2020;
        if (code.length() > 35) {
            reasons.add("Mã định danh theo QĐ 20/2020 dài tối đa 35 ký tự, mã này có " + code.length() + " ký tự.");
        }
        if (!code.chars().allMatch(c -> c == '.' || (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z'))) {
            reasons.add("Mã định danh theo QĐ 20/2020 chỉ gồm chữ in hoa A–Z, chữ số 0–9 và dấu chấm.");
        }
        if (code.charAt(0) == 'Z') {
            if (!OTHER_ORGANISATION.matcher(code).matches()) {
                reasons.add("Mã tổ chức khác (Điều 6 QĐ 20/2020) có dạng Zxy (Z01–Z99) và mã riêng tối đa 32 ký tự,"
                        + " không có dấu chấm.");
            } else if (code.startsWith("Z00")) {
                reasons.add("Mã lược đồ Z00 không hợp lệ (chỉ từ Z01 đến Z99).");
            }
            List<Level> levels = code.length() >= 3 ? List.of(new Level(1, code.substring(0, 3))) : List.of();
            return new Result(code, reasons.isEmpty(), format, "OTHER_ORGANISATION", null, levels, reasons);
        }
        String[] groups = code.split("\\.", -1);
        List<Level> levels = new ArrayList<>();
        if (!LEVEL1.matcher(groups[0]).matches()) {
            reasons.add("Nhóm đầu tiên phải là mã cấp 1 gồm một chữ cái A–Y và 2 chữ số (ví dụ G22, H57); nhận được \""
                    + groups[0] + "\".");
        } else {
            levels.add(new Level(1, groups[0]));
        }
        for (int i = 1; i < groups.length; i++) {
            if (groups[i].isEmpty()) {
                reasons.add("Mã cấp " + (i + 1) + " bị trống (hai dấu chấm liền nhau hoặc dấu chấm ở cuối).");
            } else if (!GROUP.matcher(groups[i]).matches()) {
                reasons.add("Mã cấp " + (i + 1) + " (" + groups[i] + ") chỉ được gồm chữ in hoa và chữ số.");
            } else {
                levels.add(new Level(i + 1, groups[i]));
            }
        }
        String group = LEVEL1.matcher(groups[0]).matches() ? groupOf(groups[0].charAt(0)) : null;
        return new Result(code, reasons.isEmpty(), format, "STATE_BODY", group, levels, reasons);
    }

    /** The confirmed level-1 letters (vn-standards §1.2); others A–Y are accepted without a name. */
    private static String groupOf(char letter) {
        return switch (letter) {
            case 'G' -> "Bộ, cơ quan ngang bộ, cơ quan thuộc Chính phủ";
            case 'H' -> "Ủy ban nhân dân tỉnh, thành phố trực thuộc trung ương";
            case 'K' -> "Hội đồng nhân dân tỉnh, thành phố trực thuộc trung ương";
            default -> null;
        };
    }
}
