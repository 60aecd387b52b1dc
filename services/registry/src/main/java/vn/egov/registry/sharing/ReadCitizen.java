package vn.egov.registry.sharing;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.egov.platform.security.Caller;
import vn.egov.platform.security.EgovRoles;
import vn.egov.platform.web.ApiProblem;
import vn.egov.platform.web.FieldProblem;
import vn.egov.registry.accesslog.AccessAction;
import vn.egov.registry.accesslog.AccessLog;
import vn.egov.registry.accesslog.AccessOutcome;
import vn.egov.registry.area.OfficerArea;
import vn.egov.registry.area.OfficerAreaRefused;
import vn.egov.registry.area.OfficerAreas;
import vn.egov.registry.citizen.Citizen;
import vn.egov.registry.citizen.Citizens;
import vn.egov.registry.pid.PersonalIdNumber;

/**
 * Reads of a citizen's record, each decided and logged in one transaction: the answer (granted, denied, not
 * found) is written to the {@link AccessLog} before it leaves, and a denial commits its log row too
 * ({@code noRollbackFor}).
 *
 * <ul>
 *   <li>{@link #forPurpose}: a client or agency under a data-sharing agreement, or the portal under the citizen's
 *       consent for one dossier ({@code portal-prefill}); exactly the agreed fields. A system (role {@code
 *       integrator}) reads under an agreement only with the scope {@link #READ_SCOPE}.
 *   <li>{@link #record}: an officer of civil registration, the whole record with its version, for a citizen of
 *       the officer's area ({@link OfficerAreas}); an officer outside it reads through an agreement instead. A
 *       provincial officer gets the same 403 for an unknown number as for a citizen of another province.
 *   <li>{@link #own}: the citizen's own record.
 * </ul>
 */
@Service
public class ReadCitizen {

    /**
     * The scope a system (role {@code integrator}: a client's service account) needs to read under a data-sharing
     * agreement, whether the agreement names its client or its agency.
     */
    public static final String READ_SCOPE = "registry.read";

    /** A granted read: the fields released and the record's version (for the ETag). */
    public record Released(Map<String, Object> body, int version) {}

    private final Citizens citizens;
    private final CitizenViews views;
    private final Agreements agreements;
    private final Consents consents;
    private final Purposes purposes;
    private final AccessLog log;
    private final OfficerAreas areas;

    public ReadCitizen(
            Citizens citizens,
            CitizenViews views,
            Agreements agreements,
            Consents consents,
            Purposes purposes,
            AccessLog log,
            OfficerAreas areas) {
        this.citizens = citizens;
        this.views = views;
        this.agreements = agreements;
        this.consents = consents;
        this.purposes = purposes;
        this.log = log;
        this.areas = areas;
    }

    @Transactional(noRollbackFor = ApiProblem.class)
    public Released forPurpose(
            Caller caller, String pid, String purposeCode, List<String> requested, String reference) {
        requireWellFormed(pid);
        Optional<Purposes.Purpose> purpose = purposes.find(purposeCode);
        if (purpose.isEmpty()) {
            deny(caller, pid, purposeCode, List.of(), reference, "unknown-purpose");
            throw ApiProblem.badField(
                    "unknown-purpose",
                    "purpose",
                    "Mục đích '" + purposeCode + "' không có trong danh mục mục đích xử lý dữ liệu.");
        }
        List<String> unknown = requested == null
                ? List.of()
                : requested.stream()
                        .filter(f -> CitizenField.byApiName(f).isEmpty())
                        .toList();
        if (!unknown.isEmpty()) {
            deny(caller, pid, purposeCode, requested, reference, "unknown-field");
            throw new ApiProblem(
                    HttpStatus.BAD_REQUEST,
                    "unknown-field",
                    "Trường dữ liệu không có trong danh mục: " + String.join(", ", unknown) + ".",
                    unknown.stream()
                            .map(f -> new FieldProblem("fields", "Không có trường '" + f + "'."))
                            .toList());
        }
        if (isCitizenOnly(caller) && !pid.equals(caller.pid())) {
            deny(caller, pid, purposeCode, requested, reference, "not-own-record");
            throw new ApiProblem(
                    HttpStatus.FORBIDDEN, "not-own-record", "Công dân chỉ được xem thông tin của chính mình.");
        }
        Set<CitizenField> allowed;
        if (purpose.get().needsCitizenConsent()) {
            if (reference == null || reference.isBlank()) {
                deny(caller, pid, purposeCode, requested, reference, "reference-required");
                throw ApiProblem.badField(
                        "reference-required",
                        "reference",
                        "Mục đích '" + purposeCode + "' cần mã hồ sơ (reference) mà công dân đã đồng ý.");
            }
            Optional<Set<CitizenField>> consented =
                    consents.activeFields(pid, caller.clientId(), purposeCode, reference);
            if (consented.isEmpty()) {
                deny(caller, pid, purposeCode, requested, reference, "no-consent");
                throw new ApiProblem(
                        HttpStatus.FORBIDDEN,
                        "no-consent",
                        "Công dân chưa đồng ý (hoặc đã rút lại đồng ý) cho ứng dụng " + caller.clientId()
                                + " dùng dữ liệu cho hồ sơ " + reference + ".");
            }
            allowed = consented.get();
        } else {
            if (caller.hasRole(EgovRoles.INTEGRATOR) && !caller.scopes().contains(READ_SCOPE)) {
                // a system's token carries its agency's code: without the scope, any system of the agency (a
                // document-management system, say) would read under the agency's agreement
                deny(caller, pid, purposeCode, requested, reference, "missing-scope");
                throw new ApiProblem(
                        HttpStatus.FORBIDDEN,
                        "missing-scope",
                        "Ứng dụng " + caller.clientId() + " cần phạm vi (scope) " + READ_SCOPE
                                + " để đọc dữ liệu công dân theo thỏa thuận chia sẻ dữ liệu.",
                        List.of(new FieldProblem("scope", "Thiếu phạm vi " + READ_SCOPE + ".")));
            }
            Optional<Set<CitizenField>> agreed =
                    agreements.fieldsFor(caller.clientId(), caller.agencyCode(), purposeCode);
            if (agreed.isEmpty()) {
                deny(caller, pid, purposeCode, requested, reference, "no-agreement");
                throw new ApiProblem(
                        HttpStatus.FORBIDDEN,
                        "no-agreement",
                        "Không có thỏa thuận chia sẻ dữ liệu cho " + who(caller) + " với mục đích '" + purposeCode
                                + "'.",
                        List.of(new FieldProblem("purpose", "Thiếu thỏa thuận chia sẻ dữ liệu cho mục đích này.")));
            }
            allowed = agreed.get();
        }
        Set<CitizenField> wanted = requested == null ? allowed : toFields(requested);
        List<CitizenField> missing =
                wanted.stream().filter(f -> !allowed.contains(f)).toList();
        if (!missing.isEmpty()) {
            deny(caller, pid, purposeCode, names(wanted), reference, "fields-not-agreed");
            List<FieldProblem> errors = new ArrayList<>();
            missing.forEach(f -> errors.add(new FieldProblem(f.apiName(), "Không nằm trong phạm vi được chia sẻ.")));
            throw new ApiProblem(
                    HttpStatus.FORBIDDEN,
                    "fields-not-agreed",
                    "Các trường sau không nằm trong thỏa thuận hoặc đồng ý cho mục đích '" + purposeCode + "': "
                            + CitizenField.describe(missing) + ".",
                    errors);
        }
        Optional<Citizen> citizen = citizens.findByPid(pid);
        if (citizen.isEmpty()) {
            log.append(
                    caller,
                    pid,
                    AccessAction.READ,
                    purposeCode,
                    names(wanted),
                    reference,
                    AccessOutcome.NOT_FOUND,
                    null);
            throw notFound(pid);
        }
        log.append(caller, pid, AccessAction.READ, purposeCode, names(wanted), reference, AccessOutcome.GRANTED, null);
        return new Released(views.view(citizen.get(), wanted), citizen.get().version());
    }

    /** An officer's read of the whole record (the version is the ETag for the life events that follow). */
    @Transactional(noRollbackFor = ApiProblem.class)
    public Released record(Caller caller, String pid) {
        requireWellFormed(pid);
        List<String> all = CitizenField.allApiNames();
        OfficerArea area;
        try {
            area = areas.of(caller);
        } catch (OfficerAreaRefused e) {
            log.append(
                    caller,
                    pid,
                    AccessAction.RECORD,
                    Purposes.CIVIL_REGISTRATION,
                    all,
                    null,
                    AccessOutcome.DENIED,
                    e.code());
            throw e;
        }
        Optional<Citizen> citizen = citizens.findByPid(pid);
        if (citizen.isEmpty()) {
            log.append(
                    caller,
                    pid,
                    AccessAction.RECORD,
                    Purposes.CIVIL_REGISTRATION,
                    all,
                    null,
                    AccessOutcome.NOT_FOUND,
                    null);
            // a provincial officer gets the answer they get for a citizen of another province
            throw area.national() ? notFound(pid) : areas.notInArea(area, pid);
        }
        areas.requireCitizen(caller, area, citizen.get().id(), pid, AccessAction.RECORD, all, null);
        log.append(
                caller, pid, AccessAction.RECORD, Purposes.CIVIL_REGISTRATION, all, null, AccessOutcome.GRANTED, null);
        return withVersion(citizen.get());
    }

    /**
     * Tra cứu theo họ tên — an officer's search by name (diacritics and case ignored, prefix match), optionally
     * narrowed by birth year; at most {@code limit} people, each answer logged as a read of that person. Only
     * citizens of the officer's area are searched (403 {@code no-officer-area} for an agency without one).
     */
    @Transactional
    public List<Map<String, Object>> searchByName(Caller caller, String name, Integer birthYear, int limit) {
        List<CitizenField> fields = List.of(CitizenField.FULL_NAME, CitizenField.DATE_OF_BIRTH, CitizenField.SEX);
        List<Map<String, Object>> found = new ArrayList<>();
        for (Citizen c : citizens.searchByName(name, birthYear, areas.scope(caller), limit)) {
            log.append(
                    caller,
                    c.pid().value(),
                    AccessAction.RECORD,
                    Purposes.CIVIL_REGISTRATION,
                    names(fields),
                    "search",
                    AccessOutcome.GRANTED,
                    null);
            found.add(views.view(c, fields));
        }
        return found;
    }

    /** The citizen's own record, found by the {@code pid} claim of their token. */
    @Transactional(noRollbackFor = ApiProblem.class)
    public Released own(Caller caller) {
        if (caller.pid() == null || !PersonalIdNumber.hasFormat(caller.pid())) {
            throw new ApiProblem(
                    HttpStatus.FORBIDDEN,
                    "no-pid-claim",
                    "Mã truy cập không mang số định danh cá nhân (pid) của công dân.");
        }
        List<String> all = CitizenField.allApiNames();
        Optional<Citizen> citizen = citizens.findByPid(caller.pid());
        if (citizen.isEmpty()) {
            log.append(
                    caller,
                    caller.pid(),
                    AccessAction.READ_OWN,
                    Purposes.SELF_ACCESS,
                    all,
                    null,
                    AccessOutcome.NOT_FOUND,
                    null);
            throw notFound(caller.pid());
        }
        log.append(
                caller,
                caller.pid(),
                AccessAction.READ_OWN,
                Purposes.SELF_ACCESS,
                all,
                null,
                AccessOutcome.GRANTED,
                null);
        return withVersion(citizen.get());
    }

    private Released withVersion(Citizen c) {
        Map<String, Object> body = new LinkedHashMap<>(views.view(c, EnumSet.allOf(CitizenField.class)));
        body.put("version", c.version());
        return new Released(body, c.version());
    }

    private void deny(Caller caller, String pid, String purpose, List<String> fields, String reference, String why) {
        log.append(caller, pid, AccessAction.READ, purpose, fields, reference, AccessOutcome.DENIED, why);
    }

    static boolean isCitizenOnly(Caller caller) {
        return caller.hasRole(EgovRoles.CITIZEN)
                && !caller.hasRole(EgovRoles.OFFICER)
                && !caller.hasRole(EgovRoles.CLERK)
                && !caller.hasRole(EgovRoles.INTEGRATOR);
    }

    static void requireWellFormed(String pid) {
        if (!PersonalIdNumber.hasFormat(pid)) {
            throw ApiProblem.badField(
                    "invalid-pid",
                    "pid",
                    "Số định danh cá nhân phải gồm đúng 12 chữ số (nhận được '" + abbreviate(pid) + "').");
        }
    }

    private static String abbreviate(String s) {
        return s == null ? "" : s.length() > 20 ? s.substring(0, 20) + "…" : s;
    }

    static ApiProblem notFound(String pid) {
        return new ApiProblem(
                HttpStatus.NOT_FOUND,
                "citizen-not-found",
                "Không có công dân mang số định danh " + pid + " trong cơ sở dữ liệu.");
    }

    private static String who(Caller caller) {
        if (caller.agencyCode() != null) {
            return "ứng dụng " + caller.clientId() + " / cơ quan " + caller.agencyCode();
        }
        return "ứng dụng " + caller.clientId();
    }

    private static Set<CitizenField> toFields(List<String> names) {
        Set<CitizenField> fields = EnumSet.noneOf(CitizenField.class);
        names.forEach(n -> CitizenField.byApiName(n).ifPresent(fields::add));
        return fields;
    }

    private static List<String> names(java.util.Collection<CitizenField> fields) {
        return fields.stream().map(CitizenField::apiName).toList();
    }
}
