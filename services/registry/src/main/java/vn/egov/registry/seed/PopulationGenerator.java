package vn.egov.registry.seed;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.UUID;
import vn.egov.registry.pid.PersonalIdNumber;
import vn.egov.registry.pid.Sex;

/**
 * Synthetic Vietnamese households, deterministic from a seed: the same seed gives the same people, numbers and
 * addresses. Households have a head, usually a spouse, and children; people get realistic names, a province of
 * birth registration (one of the pre-merger provinces that form today's province), ethnicity and religion with
 * rough national shares, and a permanent residence at the household's address.
 *
 * <p>Personal ID numbers are drawn without repetition: per prefix {@code PPP G YY} the n-th number's random part
 * is {@code (a·n + b) mod 10⁶} with {@code a} coprime to 10⁶, a permutation of the six-digit space.
 */
public final class PopulationGenerator {

    /** A commune of the seed map and the pre-merger personal-ID prefixes of its province. */
    public record Place(String communeCode, String provinceCode, List<String> pidPrefixes) {}

    /** One synthetic person. */
    public record Person(
            UUID id,
            String pid,
            String fullName,
            int birthYear,
            Integer birthMonth,
            Integer birthDay,
            Sex sex,
            String birthCommune,
            String birthProvince,
            String ethnicCode,
            String religion,
            String bloodType,
            String fatherPid,
            String fatherName,
            String motherPid,
            String motherName,
            String spousePid,
            String spouseName,
            String relationship,
            LocalDate residentSince) {}

    /** One synthetic household and its members (the head first). */
    public record Household(UUID id, String number, String communeCode, String addressLine, List<Person> members) {}

    static final String[] STREETS = {
        "Trần Hưng Đạo",
        "Lê Lợi",
        "Nguyễn Huệ",
        "Hai Bà Trưng",
        "Lý Thường Kiệt",
        "Quang Trung",
        "Nguyễn Trãi",
        "Phan Chu Trinh",
        "Điện Biên Phủ",
        "Hùng Vương",
        "Lê Duẩn",
        "Bà Triệu",
        "Trần Phú",
        "Nguyễn Du",
        "Võ Thị Sáu"
    };
    static final String[][] ETHNIC = {
        {"01", "85.3"}, {"02", "1.9"}, {"03", "1.9"}, {"06", "1.5"}, {"05", "1.4"}, {"08", "1.3"}, {"07", "1.1"},
        {"04", "0.8"}, {"09", "0.9"}, {"10", "0.5"}, {"12", "0.4"}, {"13", "0.3"}, {"17", "0.2"}, {"18", "0.2"}
    };
    static final String[][] RELIGION = {
        {"Không", "86.3"},
        {"Công giáo", "6.1"},
        {"Phật giáo", "4.8"},
        {"Tin Lành", "1.0"},
        {"Cao Đài", "0.6"},
        {"Phật giáo Hòa Hảo", "1.0"}
    };
    static final String[] BLOOD = {"O+", "O+", "O+", "B+", "B+", "A+", "A+", "AB+", "O-"};

    private final SplittableRandom random;
    private final long seed;
    private final List<Place> places;
    private final Set<String> reserved;
    private final int currentYear;
    private final Map<String, Integer> drawn = new HashMap<>();
    private long households;
    private final long firstHouseholdNumber;

    public PopulationGenerator(long seed, List<Place> places, Set<String> reservedPids, int currentYear) {
        this(seed, places, reservedPids, currentYear, 1_000_000_000L);
    }

    /** As above, numbering households from {@code firstHouseholdNumber} (to add to a registry that has some). */
    public PopulationGenerator(
            long seed, List<Place> places, Set<String> reservedPids, int currentYear, long firstHouseholdNumber) {
        this.firstHouseholdNumber = firstHouseholdNumber;
        this.seed = seed;
        this.random = new SplittableRandom(seed);
        this.places = List.copyOf(places);
        this.reserved = Set.copyOf(reservedPids);
        this.currentYear = currentYear;
    }

    public Household nextHousehold() {
        long index = households++;
        Place place = places.get(random.nextInt(places.size()));
        String family = VietnameseNames.family(random);
        Sex headSex = random.nextInt(100) < 72 ? Sex.MALE : Sex.FEMALE;
        int headYear = currentYear - 22 - random.nextInt(60);
        UUID householdId = uuid();
        String address = (1 + random.nextInt(300)) + " " + STREETS[random.nextInt(STREETS.length)];
        List<Person> members = new ArrayList<>();
        Person head = person(family, headSex, headYear, place, null, null, "HEAD");
        members.add(head);
        Person spouse = null;
        if (random.nextInt(100) < 80) {
            Sex spouseSex = headSex == Sex.MALE ? Sex.FEMALE : Sex.MALE;
            String spouseFamily = VietnameseNames.family(random);
            spouse = person(spouseFamily, spouseSex, headYear - 5 + random.nextInt(11), place, null, null, "SPOUSE");
            members.add(spouse);
            head = withSpouse(head, spouse);
            members.set(0, head);
            members.set(1, withSpouse(spouse, head));
        }
        int children = random.nextInt(4);
        for (int c = 0; c < children; c++) {
            int year = headYear + 20 + random.nextInt(20);
            if (year > currentYear) {
                continue;
            }
            Person father = headSex == Sex.MALE ? head : spouse;
            Person mother = headSex == Sex.FEMALE ? head : spouse;
            Sex sex = random.nextBoolean() ? Sex.MALE : Sex.FEMALE;
            String childFamily = father != null ? family(father.fullName()) : family;
            members.add(person(childFamily, sex, year, place, father, mother, "CHILD"));
        }
        return new Household(
                householdId, "HK%010d".formatted(firstHouseholdNumber + index), place.communeCode(), address, members);
    }

    private Person person(
            String family, Sex sex, int year, Place place, Person father, Person mother, String relationship) {
        int month = 1 + random.nextInt(12);
        int day = 1 + random.nextInt(28);
        boolean onlyYear = year < 1960 && random.nextInt(100) < 15;
        String prefix =
                place.pidPrefixes().get(random.nextInt(place.pidPrefixes().size()));
        LocalDate born = LocalDate.of(year, onlyYear ? 1 : month, onlyYear ? 1 : day);
        return new Person(
                uuid(),
                nextPid(prefix, sex, year),
                VietnameseNames.full(random, family, sex),
                year,
                onlyYear ? null : month,
                onlyYear ? null : day,
                sex,
                place.communeCode(),
                place.provinceCode(),
                weighted(ETHNIC),
                weighted(RELIGION),
                random.nextInt(100) < 70 ? BLOOD[random.nextInt(BLOOD.length)] : null,
                father == null ? null : father.pid(),
                father == null ? null : father.fullName(),
                mother == null ? null : mother.pid(),
                mother == null ? null : mother.fullName(),
                null,
                null,
                relationship,
                relationship.equals("CHILD") ? born : born.plusYears(18 + random.nextInt(10)));
    }

    private static Person withSpouse(Person p, Person spouse) {
        return new Person(
                p.id(),
                p.pid(),
                p.fullName(),
                p.birthYear(),
                p.birthMonth(),
                p.birthDay(),
                p.sex(),
                p.birthCommune(),
                p.birthProvince(),
                p.ethnicCode(),
                p.religion(),
                p.bloodType(),
                p.fatherPid(),
                p.fatherName(),
                p.motherPid(),
                p.motherName(),
                spouse.pid(),
                spouse.fullName(),
                p.relationship(),
                p.residentSince());
    }

    private static String family(String fullName) {
        return fullName.substring(0, fullName.indexOf(' '));
    }

    /** The next unused number for the prefix, sex and year: a permutation of the six-digit random part. */
    String nextPid(String provincePrefix, Sex sex, int year) {
        String key = PersonalIdNumber.of(provincePrefix, sex, year, 0).value().substring(0, 6);
        while (true) {
            int n = drawn.merge(key, 1, Integer::sum) - 1;
            if (n >= 1_000_000) {
                throw new IllegalStateException("six-digit space exhausted for " + key);
            }
            long b = Math.floorMod(
                    new SplittableRandom(seed ^ key.hashCode() * 0x9E3779B97F4A7C15L).nextLong(), 1_000_000L);
            int randomPart = (int) ((387_413L * n + b) % 1_000_000L); // 387413 is coprime to 10^6
            String pid = key + "%06d".formatted(randomPart);
            if (!reserved.contains(pid)) {
                return pid;
            }
        }
    }

    private String weighted(String[][] table) {
        double total = 0;
        for (String[] row : table) {
            total += Double.parseDouble(row[1]);
        }
        double pick = random.nextDouble() * total;
        for (String[] row : table) {
            pick -= Double.parseDouble(row[1]);
            if (pick < 0) {
                return row[0];
            }
        }
        return table[0][0];
    }

    private UUID uuid() {
        long msb = (random.nextLong() & ~0xF000L) | 0x4000L;
        long lsb = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(msb, lsb);
    }
}
