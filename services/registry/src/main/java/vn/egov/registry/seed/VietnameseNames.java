package vn.egov.registry.seed;

import java.util.List;
import java.util.random.RandomGenerator;
import vn.egov.registry.pid.Sex;

/**
 * Realistic Vietnamese full names for synthetic citizens: family names drawn with their approximate shares in the
 * population (Nguyễn ≈ 38 %, Trần ≈ 11 %, Lê ≈ 9.5 %, Phạm ≈ 7 %, ...; figures commonly cited from national
 * surveys), a middle name and a given name by sex.
 */
final class VietnameseNames {

    record Weighted(String value, double weight) {}

    static final List<Weighted> FAMILY = List.of(
            new Weighted("Nguyễn", 38.4),
            new Weighted("Trần", 11.0),
            new Weighted("Lê", 9.5),
            new Weighted("Phạm", 7.1),
            new Weighted("Hoàng", 3.1),
            new Weighted("Huỳnh", 2.0),
            new Weighted("Phan", 4.5),
            new Weighted("Vũ", 2.4),
            new Weighted("Võ", 1.5),
            new Weighted("Đặng", 2.1),
            new Weighted("Bùi", 2.0),
            new Weighted("Đỗ", 1.4),
            new Weighted("Hồ", 1.3),
            new Weighted("Ngô", 1.3),
            new Weighted("Dương", 1.0),
            new Weighted("Lý", 0.5),
            new Weighted("Đinh", 0.6),
            new Weighted("Trịnh", 0.5),
            new Weighted("Trương", 0.6),
            new Weighted("Mai", 0.4),
            new Weighted("Lương", 0.4),
            new Weighted("Tạ", 0.3),
            new Weighted("Hà", 0.4),
            new Weighted("Cao", 0.3),
            new Weighted("Lưu", 0.3),
            new Weighted("Chu", 0.2),
            new Weighted("Đoàn", 0.4),
            new Weighted("Tô", 0.2),
            new Weighted("Lâm", 0.3),
            new Weighted("Quách", 0.1));

    static final List<String> MALE_MIDDLE =
            List.of("Văn", "Văn", "Văn", "Đức", "Minh", "Quang", "Hữu", "Thành", "Công", "Xuân", "Đình", "Quốc", "Anh");
    static final List<String> FEMALE_MIDDLE =
            List.of("Thị", "Thị", "Thị", "Ngọc", "Thu", "Thanh", "Minh", "Hồng", "Phương", "Thùy", "Khánh", "Bảo");
    static final List<String> MALE_GIVEN = List.of(
            "An", "Anh", "Bình", "Cường", "Dũng", "Duy", "Đạt", "Đức", "Hải", "Hiếu", "Hoàng", "Hùng", "Huy", "Khang",
            "Khoa", "Kiên", "Long", "Lâm", "Minh", "Nam", "Nghĩa", "Phong", "Phúc", "Quân", "Quang", "Sơn", "Tài",
            "Thắng", "Thành", "Tiến", "Toàn", "Trung", "Tuấn", "Tùng", "Việt", "Vinh", "Vũ");
    static final List<String> FEMALE_GIVEN = List.of(
            "An", "Anh", "Châu", "Chi", "Dung", "Giang", "Hà", "Hạnh", "Hằng", "Hiền", "Hoa", "Hồng", "Huyền", "Hương",
            "Lan", "Linh", "Loan", "Mai", "My", "Nga", "Ngân", "Ngọc", "Nhung", "Oanh", "Phương", "Quỳnh", "Tâm",
            "Thảo", "Thu", "Thủy", "Trang", "Trâm", "Uyên", "Vân", "Vy", "Yến");

    private static final double TOTAL =
            FAMILY.stream().mapToDouble(Weighted::weight).sum();

    private VietnameseNames() {}

    static String family(RandomGenerator random) {
        double pick = random.nextDouble() * TOTAL;
        for (Weighted w : FAMILY) {
            pick -= w.weight();
            if (pick < 0) {
                return w.value();
            }
        }
        return FAMILY.getFirst().value();
    }

    static String full(RandomGenerator random, String family, Sex sex) {
        List<String> middle = sex == Sex.MALE ? MALE_MIDDLE : FEMALE_MIDDLE;
        List<String> given = sex == Sex.MALE ? MALE_GIVEN : FEMALE_GIVEN;
        return family + " " + middle.get(random.nextInt(middle.size())) + " " + given.get(random.nextInt(given.size()));
    }
}
