package vn.egov.registry.me;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.egov.platform.security.Caller;
import vn.egov.platform.web.ApiProblem;
import vn.egov.platform.web.FieldProblem;
import vn.egov.registry.accesslog.AccessAction;
import vn.egov.registry.accesslog.AccessLog;
import vn.egov.registry.accesslog.AccessOutcome;
import vn.egov.registry.area.OfficerArea;
import vn.egov.registry.area.OfficerAreaRefused;
import vn.egov.registry.area.OfficerAreas;
import vn.egov.registry.citizen.BirthDate;
import vn.egov.registry.citizen.ChangeCitizen;
import vn.egov.registry.citizen.Citizen;
import vn.egov.registry.citizen.CitizenStatus;
import vn.egov.registry.citizen.Citizens;
import vn.egov.registry.citizen.Relative;
import vn.egov.registry.pid.PersonalIdNumber;
import vn.egov.registry.pid.Sex;
import vn.egov.registry.sharing.Purposes;

/**
 * Bàn xử lý yêu cầu điều chỉnh — an officer's handling of citizens' correction requests: reading the queue
 * (written to the access log, one entry per citizen shown) and deciding. Accepting a request applies the
 * requested value through the officer's own correction ({@link ChangeCitizen#correct}: If-Match version, NFC,
 * encryption of sensitive fields, the {@code corrected} event) in the transaction that records the decision;
 * refusing changes nothing but the request. Officers see and decide only requests of citizens of their area
 * ({@link OfficerAreas}).
 */
@Service
public class CorrectionDesk {

    /** Fields a citizen can ask to correct: those a correction ({@link Citizen.Correction}) can change. */
    public static final List<String> CORRECTABLE = List.of(
            "fullName",
            "otherNames",
            "dateOfBirth",
            "sex",
            "homeTown",
            "ethnicity",
            "religion",
            "bloodType",
            "nationality",
            "father",
            "mother",
            "spouse",
            "representative",
            "status");

    private static final Pattern DATE = Pattern.compile("\\d{4}(-\\d{2}(-\\d{2})?)?");
    private static final Pattern BLOOD = Pattern.compile("(A|B|AB|O)[+-]?");
    private static final Pattern NATIONALITY = Pattern.compile("[A-Z]{2}");
    private static final Pattern ETHNIC = Pattern.compile("\\d{2}");

    /** The outcome of a decision: the request as it now stands, and the citizen's new version if changed. */
    public record Decided(CorrectionRequests.CorrectionRequest request, String pid, Integer version) {}

    private final CorrectionRequests requests;
    private final ChangeCitizen changes;
    private final Citizens citizens;
    private final AccessLog log;
    private final OfficerAreas areas;

    CorrectionDesk(
            CorrectionRequests requests, ChangeCitizen changes, Citizens citizens, AccessLog log, OfficerAreas areas) {
        this.requests = requests;
        this.changes = changes;
        this.citizens = citizens;
        this.log = log;
        this.areas = areas;
    }

    /**
     * The queue of the citizens of the officer's area; each citizen it shows is a read of that citizen's data,
     * logged like any other.
     */
    @Transactional
    public List<CorrectionRequests.CorrectionRequest> queue(Caller caller, String status, int limit) {
        List<CorrectionRequests.CorrectionRequest> queue = requests.withStatus(status, areas.scope(caller), limit);
        queue.stream()
                .map(CorrectionRequests.CorrectionRequest::citizenPid)
                .distinct()
                .forEach(pid -> log.append(
                        caller,
                        pid,
                        AccessAction.RECORD,
                        Purposes.CIVIL_REGISTRATION,
                        queue.stream()
                                .filter(r -> r.citizenPid().equals(pid))
                                .map(CorrectionRequests.CorrectionRequest::field)
                                .toList(),
                        "correction-requests",
                        AccessOutcome.GRANTED,
                        null));
        return queue;
    }

    /**
     * Records the decision; an acceptance also applies the requested value to the citizen at {@code
     * expectedVersion} (null = no If-Match, 428). All or nothing: a stale version (412), a value no longer
     * valid (422 naming the field) or a request decided meanwhile (409) leave both the request and the citizen
     * unchanged. A citizen outside the officer's area → 403 before anything is written, the refusal in the
     * citizen's access log. The citizen's row is locked ({@code select … for update}) before the area check, so
     * a concurrent change of residence either commits before it (and is seen by it) or waits for the decision:
     * the correction's own area check cannot come out otherwise than this one, and a request is never left
     * {@code ACCEPTED} without its correction.
     */
    @Transactional(noRollbackFor = OfficerAreaRefused.class)
    public Decided decide(
            Caller caller, UUID id, boolean accept, Function<String, Integer> expectedVersion, String note) {
        CorrectionRequests.CorrectionRequest request = requests.find(id)
                .orElseThrow(() -> new ApiProblem(
                        HttpStatus.NOT_FOUND,
                        "correction-request-not-found",
                        "Không có yêu cầu điều chỉnh mã " + id + "."));
        OfficerArea area = areas.of(caller);
        // the citizen's row is locked before the area check and until the decision commits: a residence change
        // (which locks it too) cannot move the citizen out of the area between this check and the correction's
        Optional<Citizen> citizen = citizens.lockByPid(request.citizenPid())
                .or(() -> citizens.currentPidOf(request.citizenPid()).flatMap(citizens::lockByPid));
        areas.requireCitizen(
                caller,
                area,
                citizen.map(Citizen::id).orElse(null),
                citizen.map(c -> c.pid().value()).orElse(request.citizenPid()),
                AccessAction.RECORD,
                List.of(),
                "correction-request");
        if (!requests.decide(id, accept ? "ACCEPTED" : "REJECTED", caller.username(), note)) {
            throw new ApiProblem(
                    HttpStatus.CONFLICT,
                    "already-decided",
                    "Yêu cầu điều chỉnh này đã được xử lý ("
                            + requests.find(id).orElseThrow().status() + ").");
        }
        if (!accept) {
            return new Decided(requests.find(id).orElseThrow(), request.citizenPid(), null);
        }
        String pid = citizen.map(c -> c.pid().value())
                .orElseThrow(() -> new ApiProblem(
                        HttpStatus.NOT_FOUND,
                        "citizen-not-found",
                        "Không có công dân mang số định danh " + request.citizenPid() + " trong cơ sở dữ liệu."));
        int version = expectedVersion.apply(pid);
        Citizen.Correction correction = correctionOf(request.field(), request.proposedValue());
        Citizen updated;
        try {
            updated = changes.correct(caller, pid, version, correction, request.reason());
        } catch (ApiProblem e) {
            if (e.status() == HttpStatus.BAD_REQUEST) {
                throw unprocessable(request.field(), e.getMessage());
            }
            throw e;
        }
        return new Decided(requests.find(id).orElseThrow(), updated.pid().value(), updated.version());
    }

    /**
     * The correction a request asks for; a request without a value asks for the field to be cleared. 422 naming
     * the field when the value is not (or no longer) valid, or the field is required and cannot be cleared.
     */
    Citizen.Correction correctionOf(String field, String value) {
        if (value == null) {
            return Citizen.Correction.clearing(clearable(field)
                    .orElseThrow(() -> unprocessable(
                            field, "Trường '" + field + "' là thông tin bắt buộc; chỉ sửa được, không xóa được.")));
        }
        String v = value.strip();
        return switch (field) {
            case "fullName" -> {
                requireLength(field, v, 1, 200);
                yield Citizen.Correction.only("fullName", v);
            }
            case "otherNames" -> {
                requireLength(field, v, 1, 200);
                yield Citizen.Correction.only("otherNames", v);
            }
            case "dateOfBirth" -> {
                if (!DATE.matcher(v).matches()) {
                    throw unprocessable(field, "Ngày sinh có dạng yyyy, yyyy-MM hoặc yyyy-MM-dd.");
                }
                BirthDate date;
                try {
                    date = BirthDate.parse(v);
                } catch (IllegalArgumentException e) {
                    throw unprocessable(field, "Ngày sinh không tồn tại: " + v + ".");
                }
                yield Citizen.Correction.only("birthDate", date);
            }
            case "sex" -> {
                Sex sex = enumValue(field, v, Sex.class, "Giới tính: MALE hoặc FEMALE.");
                yield Citizen.Correction.only("sex", sex);
            }
            case "homeTown" -> {
                requireLength(field, v, 1, 200);
                yield Citizen.Correction.only("homeTown", v);
            }
            case "ethnicity" -> {
                if (!ETHNIC.matcher(v).matches() || !citizens.ethnicGroupExists(v)) {
                    throw unprocessable(field, "Không có dân tộc mã " + v + " (mã 2 chữ số, 01-54).");
                }
                yield Citizen.Correction.only("ethnicCode", v);
            }
            case "religion" -> {
                requireLength(field, v, 1, 100);
                yield Citizen.Correction.only("religion", v);
            }
            case "bloodType" -> {
                if (!BLOOD.matcher(v).matches()) {
                    throw unprocessable(field, "Nhóm máu: A, B, AB, O (có thể kèm + hoặc -).");
                }
                yield Citizen.Correction.only("bloodType", v);
            }
            case "nationality" -> {
                if (!NATIONALITY.matcher(v).matches()) {
                    throw unprocessable(field, "Quốc tịch theo mã ISO 3166-1 alpha-2.");
                }
                yield Citizen.Correction.only("nationality", v);
            }
            case "father" -> Citizen.Correction.only("father", relative(field, v));
            case "mother" -> Citizen.Correction.only("mother", relative(field, v));
            case "spouse" -> Citizen.Correction.only("spouse", relative(field, v));
            case "representative" -> Citizen.Correction.only("representative", relative(field, v));
            case "status" -> {
                CitizenStatus status =
                        enumValue(field, v, CitizenStatus.class, "Tình trạng: ALIVE, DECEASED hoặc MISSING.");
                yield Citizen.Correction.only("status", status);
            }
            default ->
                throw unprocessable(
                        field,
                        "Trường '" + field + "' không điều chỉnh được qua yêu cầu này (nơi cư trú, hộ, thẻ căn cước"
                                + " thay đổi theo thủ tục riêng).");
        };
    }

    /** The field a request may ask to clear, by the request's field name; empty for a required field. */
    public static Optional<Citizen.ClearableField> clearable(String field) {
        return switch (field) {
            case "ethnicity" -> Optional.of(Citizen.ClearableField.ETHNIC_CODE);
            case "ethnicCode" -> Optional.empty();
            default -> Citizen.ClearableField.byApiName(field);
        };
    }

    private static Relative relative(String field, String v) {
        if (v.matches("\\d+")) {
            if (!PersonalIdNumber.hasFormat(v)) {
                throw unprocessable(field, "Số định danh gồm 12 chữ số.");
            }
            return new Relative(v, null);
        }
        requireLength(field, v, 1, 200);
        return new Relative(null, v);
    }

    private static <E extends Enum<E>> E enumValue(String field, String v, Class<E> type, String reason) {
        return Optional.of(v.toUpperCase(Locale.ROOT))
                .flatMap(name -> java.util.Arrays.stream(type.getEnumConstants())
                        .filter(e -> e.name().equals(name))
                        .findFirst())
                .orElseThrow(() -> unprocessable(field, reason));
    }

    private static void requireLength(String field, String v, int min, int max) {
        int length = v.codePointCount(0, v.length());
        if (length < min || length > max) {
            throw unprocessable(field, "Độ dài từ " + min + " đến " + max + " ký tự.");
        }
    }

    static ApiProblem unprocessable(String field, String reason) {
        return new ApiProblem(
                HttpStatus.UNPROCESSABLE_CONTENT,
                "correction-not-applicable",
                "Giá trị đề nghị cho trường '" + field + "' không còn hợp lệ; yêu cầu chưa được chấp nhận, không có"
                        + " gì thay đổi.",
                List.of(new FieldProblem(field, reason)));
    }
}
