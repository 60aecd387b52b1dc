package vn.egov.registry.area;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import vn.egov.platform.security.Caller;
import vn.egov.platform.web.FieldProblem;
import vn.egov.registry.accesslog.AccessAction;
import vn.egov.registry.accesslog.AccessLog;
import vn.egov.registry.accesslog.AccessOutcome;

/**
 * Địa bàn của cán bộ hộ tịch — keeps officers of civil registration to the provinces their agency serves
 * ({@link OfficerAreaProperties}). A citizen's province is given by the database function {@code citizen_area}
 * (migration V8): the open permanent residence, else the latest one, else the province of birth registration.
 * Refusals are {@link OfficerAreaRefused} (403); refusals about an existing citizen are written to that citizen's
 * access log. For a provincial officer a citizen outside the area and a number no one holds get the same answer
 * ({@link #notInArea}); national agencies get 404 for an unknown number.
 */
@Service
@EnableConfigurationProperties(OfficerAreaProperties.class)
public class OfficerAreas {

    /** The province a citizen belongs to for officers, and on what it rests. */
    public record CitizenArea(String provinceCode, Basis basis) {}

    /** What a citizen's province rests on. */
    public enum Basis {
        PERMANENT_RESIDENCE("theo nơi thường trú", "permanentResidence"),
        LAST_PERMANENT_RESIDENCE("theo nơi thường trú cuối cùng", "permanentResidence"),
        BIRTH_REGISTRATION("theo nơi đăng ký khai sinh (chưa có nơi thường trú)", "birthRegistrationPlace");

        final String text;
        final String field;

        Basis(String text, String field) {
            this.text = text;
            this.field = field;
        }
    }

    private static final String CIVIL_REGISTRATION = "civil-registration";

    private final JdbcClient jdbc;
    private final AccessLog log;
    private final Map<String, OfficerArea> areas;
    private final Map<String, String> provinceNames;

    OfficerAreas(OfficerAreaProperties properties, JdbcClient jdbc, AccessLog log) {
        this.jdbc = jdbc;
        this.log = log;
        this.provinceNames = jdbc
                .sql("select code, name from province order by code")
                .query((rs, i) -> Map.entry(rs.getString("code"), rs.getString("name")))
                .list()
                .stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a, TreeMap::new));
        this.areas = areas(properties, provinceNames.keySet());
    }

    /** The configured areas, checked: every province code exists, no agency is both national and provincial. */
    static Map<String, OfficerArea> areas(OfficerAreaProperties properties, Set<String> provinceCodes) {
        Map<String, OfficerArea> areas = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        properties.national().forEach(agency -> areas.put(agency, OfficerArea.nationwide(agency)));
        properties.provinces().forEach((agency, provinces) -> {
            if (areas.containsKey(agency)) {
                problems.add(agency + " is both national and limited to provinces " + provinces);
            }
            provinces.stream()
                    .filter(p -> !provinceCodes.contains(p))
                    .forEach(p -> problems.add(agency + ": no province with code '" + p + "'"));
            if (provinces.isEmpty()) {
                problems.add(agency + ": no province listed (leave the agency out to deny it)");
            }
            areas.putIfAbsent(agency, OfficerArea.of(agency, provinces));
        });
        if (!problems.isEmpty()) {
            throw new IllegalStateException("egov.registry.officer-areas: " + String.join("; ", problems));
        }
        return Map.copyOf(areas);
    }

    /** The caller's area; 403 {@code no-officer-area} when their agency has none (or they have no agency). */
    public OfficerArea of(Caller caller) {
        OfficerArea area = caller.agencyCode() == null ? null : areas.get(caller.agencyCode());
        if (area == null) {
            String agency = caller.agencyCode() == null ? "(không có mã cơ quan)" : caller.agencyCode();
            throw new OfficerAreaRefused(
                    OfficerAreaRefused.NO_AREA,
                    "Cơ quan " + agency + " chưa được giao địa bàn đăng ký hộ tịch, cư trú trong Cơ sở dữ liệu quốc"
                            + " gia về dân cư; cán bộ của cơ quan chưa được thực hiện thao tác này.",
                    List.of(new FieldProblem("agencyCode", "Cơ quan chưa được giao địa bàn.")));
        }
        return area;
    }

    /**
     * The provinces to narrow a search or a queue to, or empty for a national agency (no narrowing); 403 for an
     * agency without an area.
     */
    public Optional<Set<String>> scope(Caller caller) {
        OfficerArea area = of(caller);
        return area.national() ? Optional.empty() : Optional.of(area.provinces());
    }

    /** The province a citizen belongs to, or empty when the registry knows none for them. */
    public Optional<CitizenArea> areaOf(UUID citizenId) {
        return jdbc.sql("select province_code, basis from citizen_area(?)")
                .param(citizenId)
                .query((rs, i) -> new CitizenArea(rs.getString("province_code"), Basis.valueOf(rs.getString("basis"))))
                .optional();
    }

    /**
     * Refuses (403 {@code outside-officer-area}, errors on {@code field}) a place, such as a birth's registration
     * commune or a new residence, whose province is outside the caller's area.
     */
    public void requirePlace(OfficerArea area, String provinceCode, String field, String what) {
        if (!area.covers(provinceCode)) {
            String reason = what + " thuộc " + province(provinceCode) + ", ngoài địa bàn của cơ quan "
                    + area.agencyCode() + " (" + describe(area) + ").";
            throw new OfficerAreaRefused(
                    OfficerAreaRefused.OUTSIDE,
                    reason + " Không có gì được ghi nhận.",
                    List.of(new FieldProblem(field, reason)));
        }
    }

    /**
     * Refuses an officer acting on a citizen outside their area (citizen id null: not found by the caller, so in
     * no province). The answer is {@link #notInArea} — the same for a number no one holds, so it tells neither
     * whether the citizen exists nor where they belong. The refusal is appended to the citizen's access log
     * ({@code action}, the purpose civil-registration, {@code fields}, or when empty the field the province rests
     * on — the detail an auditor needs —, {@code reference}) in the caller's transaction, which must let it commit.
     */
    public void requireCitizen(
            Caller caller,
            OfficerArea area,
            UUID citizenId,
            String pid,
            AccessAction action,
            List<String> fields,
            String reference) {
        if (area.national()) {
            return;
        }
        Optional<CitizenArea> citizenArea = citizenId == null ? Optional.empty() : areaOf(citizenId);
        if (citizenArea.isPresent() && area.covers(citizenArea.get().provinceCode())) {
            return;
        }
        List<String> logged =
                fields.isEmpty() ? citizenArea.map(a -> List.of(a.basis.field)).orElse(List.of()) : fields;
        log.append(
                caller,
                pid,
                action,
                CIVIL_REGISTRATION,
                logged,
                reference,
                AccessOutcome.DENIED,
                OfficerAreaRefused.OUTSIDE);
        throw notInArea(area, pid);
    }

    /**
     * The refusal of a provincial officer for a number that is not a citizen of their area: 403 {@code
     * outside-officer-area}, word for word the same whether the number is unknown or held by a citizen of another
     * province (whose province is not named), so the officer desk cannot be used to learn who exists or where.
     */
    public OfficerAreaRefused notInArea(OfficerArea area, String pid) {
        String reason = "Không có công dân mang số định danh này trong địa bàn của cơ quan " + area.agencyCode() + " ("
                + describe(area) + ").";
        return new OfficerAreaRefused(
                OfficerAreaRefused.OUTSIDE,
                "Số định danh " + pid + ": " + reason + " Không có gì thay đổi.",
                List.of(new FieldProblem("pid", reason)));
    }

    /**
     * Appends an officer's attempt on an existing citizen to that citizen's access log ({@code RECORD}, purpose
     * civil-registration), in the caller's transaction.
     */
    public void log(
            Caller caller, String pid, List<String> fields, String reference, AccessOutcome outcome, String reason) {
        log.append(caller, pid, AccessAction.RECORD, CIVIL_REGISTRATION, fields, reference, outcome, reason);
    }

    private String province(String code) {
        return code == null ? "(không xác định)" : provinceNames.getOrDefault(code, "?") + " (" + code + ")";
    }

    private String describe(OfficerArea area) {
        return area.national()
                ? "toàn quốc"
                : area.provinces().stream().map(this::province).collect(Collectors.joining(", "));
    }
}
